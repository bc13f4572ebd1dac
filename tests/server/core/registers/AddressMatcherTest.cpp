#include <catch2/catch.hpp>

#include "RegisterRows.h"
#include "core/registers/AddressMatcher.h"

using namespace tessera;
using namespace tessera::core;
using infra::RegisterKind;
using Tokens = std::vector<std::string>;

namespace {

std::unique_ptr<infra::CsvRegister> addresses() {
    return test::registerOf(RegisterKind::Addresses, {"906700000101,12 Rose Street,,Edinburgh,EH2 2PR",
                                                      "906700000102,10 Rose Street,,Edinburgh,EH2 2PR",
                                                      "906700000103,\"Flat 1, 12 Rose Street\",,Edinburgh,EH2 2PR",
                                                      "906700000201,Flat 2/1,45 Great Western Road,Glasgow,G12 8HN",
                                                      "906700000301,1 Saint Andrew Square,,Edinburgh,EH2 2BD",
                                                      "906700000401,10 High Street,,Kirkcaldy,KY1 1LU"});
}

AddressMatch matched(AddressMatcher& m, const AddressClaim& c) {
    auto r = m.match(c);
    REQUIRE(r.ok());
    return std::move(r).value();
}

}  // namespace

TEST_CASE("address line tokens: abbreviations are written one way", "[registers][address]") {
    CHECK(addressLineTokens("10, High St.") == Tokens{"10", "high", "st"});
    CHECK(addressLineTokens("10 High Street") == addressLineTokens("10 high st"));
    CHECK(addressLineTokens("21 Perth Rd") == addressLineTokens("21 Perth Road"));
    CHECK(addressLineTokens("3 Morningside Ave") == addressLineTokens("3 Morningside Avenue"));
    CHECK(addressLineTokens("Apt 4, 2 Park Terr") == addressLineTokens("Flat 4 2 Park Terrace"));
    CHECK(addressLineTokens("1 St Andrew Sq") == addressLineTokens("1 Saint Andrew Square"));
}

TEST_CASE("addresses: the first line and postcode give the UPRN", "[registers][address]") {
    auto reg = addresses();
    AddressMatcher m(*reg);
    struct Case {
        AddressClaim claim;
        const char* uprn;
    };
    const Case cases[] = {
        {{"12 Rose Street", "", "Edinburgh", "EH2 2PR"}, "906700000101"},
        {{"12 rose st.", "", "", "eh22pr"}, "906700000101"},
        {{"10 Rose St", "", "Edinburgh", "EH2 2PR"}, "906700000102"},
        {{"Flat 1, 12 Rose St", "", "Edinburgh", "EH2 2PR"}, "906700000103"},
        {{"Flat 2/1", "45 Great Western Road", "Glasgow", "G12 8HN"}, "906700000201"},
        {{"Flat 2/1, 45 Great Western Rd", "", "Glasgow", "G12 8HN"}, "906700000201"},  // line 2 moved to line 1
        {{"1 St Andrew Sq", "", "Edinburgh", "EH2 2BD"}, "906700000301"},
    };
    for (const auto& c : cases) {
        INFO(c.claim.line1);
        auto r = matched(m, c.claim);
        CHECK(r.outcome == MatchOutcome::Matched);
        CHECK(r.uprn == c.uprn);
        CHECK(r.fields == std::vector<FieldResult>{{"address.line1", true}, {"address.postcode", true}});
    }
}

TEST_CASE("addresses: house and flat numbers must be equal", "[registers][address]") {
    auto reg = addresses();
    AddressMatcher m(*reg);
    for (const AddressClaim& c : {AddressClaim{"Flat 2, 10 High St", "", "Kirkcaldy", "KY1 1LU"},
                                  AddressClaim{"11 High Street", "", "Kirkcaldy", "KY1 1LU"},
                                  AddressClaim{"Flat 2, 12 Rose Street", "", "Edinburgh", "EH2 2PR"},
                                  AddressClaim{"12 Rose Lane", "", "Edinburgh", "EH2 2PR"}}) {
        INFO(c.line1);
        auto r = matched(m, c);
        CHECK(r.outcome == MatchOutcome::NoMatch);
        CHECK(r.uprn.empty());
        CHECK(r.fields == std::vector<FieldResult>{{"address.line1", false}, {"address.postcode", true}});
    }
}

TEST_CASE("addresses: a postcode the register does not hold is no match", "[registers][address]") {
    auto reg = addresses();
    AddressMatcher m(*reg);
    auto r = matched(m, {"12 Rose Street", "", "Edinburgh", "EH3 9AA"});
    CHECK(r.outcome == MatchOutcome::NoMatch);
    CHECK(r.fields == std::vector<FieldResult>{{"address.line1", false}, {"address.postcode", false}});
}

TEST_CASE("addresses: a bad postcode or an empty line is refused – a register that is down is an error",
          "[registers][address]") {
    auto reg = addresses();
    AddressMatcher m(*reg);
    auto badPostcode = m.match({"12 Rose Street", "", "", "EH2 2P"});
    REQUIRE_FALSE(badPostcode.ok());
    CHECK(badPostcode.error().fields.at(0).field == "address.postcode");
    auto noLine = m.match({" , ", "", "", "EH2 2PR"});
    REQUIRE_FALSE(noLine.ok());
    CHECK(noLine.error().fields.at(0).field == "address.line1");

    test::UnavailableRegister down;
    AddressMatcher offline(down);
    auto r = offline.match({"12 Rose Street", "", "", "EH2 2PR"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "register_unavailable");
}
