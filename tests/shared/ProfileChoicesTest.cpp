#include <catch2/catch.hpp>

#include "FieldErrorCode.h"
#include "tessera/shared/ProfileChoices.h"

using tessera::Sex;
using tessera::test::fieldCode;
namespace validate = tessera::validate;

TEST_CASE("Only the languages with a catalogue are accepted", "[language]") {
    for (auto code : tessera::kSupportedLanguages) CHECK(validate::language(code).ok());
    CHECK(validate::language("en").ok());
    CHECK(validate::language("fr").ok());
    CHECK(validate::language("gd").ok());
    CHECK(tessera::isSupportedLanguage(tessera::kDefaultLanguage));
    for (const char* code : {"de", "EN", "en-GB", "cy", " en", "english"}) {
        INFO(code);
        CHECK(fieldCode(validate::language(code)) == "not_supported");
    }
    CHECK(fieldCode(validate::language("")) == "required");
    CHECK(tessera::test::fieldName(validate::language("de")) == "language");
}

TEST_CASE("Sex is female, male or unspecified", "[sex]") {
    CHECK(tessera::toString(Sex::Female) == "female");
    CHECK(tessera::toString(Sex::Male) == "male");
    CHECK(tessera::toString(Sex::Unspecified) == "unspecified");
    for (Sex sex : tessera::kAllSexes) CHECK(tessera::sexFromString(tessera::toString(sex)) == sex);
    for (const char* value : {"female", "male", "unspecified"}) CHECK(validate::sex(value).ok());
    for (const char* value : {"Female", "f", "other", "x", "unknown"}) {
        INFO(value);
        CHECK(fieldCode(validate::sex(value)) == "invalid_choice");
    }
    CHECK(fieldCode(validate::sex("")) == "required");
    CHECK(tessera::test::fieldName(validate::sex("x")) == "sex");
}
