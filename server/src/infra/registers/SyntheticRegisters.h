#pragma once
// Synthetic registers for demos, tests and the benchmark: N invented people with Scottish
// sounding names, each with a birth record, an address, known facts and (most of them) a
// passport and a driving licence, written as the four CSV files CsvRegister reads.
//
// Person i is a pure function of (seed, i), so the benchmark can re-create any person to
// build a claim without reading the files back, and two runs with one seed write the same
// bytes. The generator runs at several hundred thousand people a second.
#include <cstdint>
#include <optional>
#include <string>

#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/ProfileChoices.h"
#include "tessera/shared/Result.h"

namespace tessera::infra {

struct SyntheticDocument {
    std::string number;
    CalendarDate expiryDate;
    std::string status;  // valid, lost, stolen, cancelled
};

struct SyntheticPerson {
    std::string personRef;
    std::string givenNames, familyName;
    CalendarDate dateOfBirth;
    Sex sex = Sex::Female;
    std::string placeOfBirth, mothersMaidenName;
    std::string uprn, line1, line2, town, postcode;
    std::string councilTaxReference;
    std::optional<std::string> entitlementCardNumber;
    std::optional<SyntheticDocument> passport, drivingLicence;
};

SyntheticPerson syntheticPerson(std::uint64_t seed, std::uint64_t index);

struct SyntheticCounts {
    std::uint64_t people = 0, addresses = 0, knownFacts = 0, documents = 0;
};

// Writes vital-records.csv, addresses.csv, known-facts.csv and documents.csv into `dir`
// (which must exist), replacing files of those names. Error "register_write_failed".
Result<SyntheticCounts> writeSyntheticRegisters(const std::string& dir, std::uint64_t people, std::uint64_t seed);

}  // namespace tessera::infra
