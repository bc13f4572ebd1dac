#include <catch2/catch.hpp>

#include "web/JsonBody.h"

using tessera::web::JsonBody;

TEST_CASE("Malformed JSON and non-objects are refused with a clear code", "[web][json]") {
    CHECK(JsonBody::parseText("").error().code == "malformed_json");
    CHECK(JsonBody::parseText("{\"a\":").error().code == "malformed_json");
    CHECK(JsonBody::parseText("[1,2]").error().code == "not_an_object");
    CHECK_FALSE(JsonBody::parseText("\"text\"").ok());
}

TEST_CASE("Every field problem is reported at once", "[web][json]") {
    auto body = JsonBody::parseText(R"({"email": 5, "consent": "yes", "extra": 1, "tags": ["a", 2]})");
    REQUIRE(body.ok());
    body->requiredString("email");
    body->requiredString("name");
    body->requiredBool("consent");
    body->requiredStringArray("tags");
    body->rejectUnknown({"email", "name", "consent", "tags"});
    auto status = body->status();
    REQUIRE_FALSE(status.ok());
    const auto& fields = status.error().fields;
    auto codeOf = [&](const std::string& f) {
        for (const auto& e : fields)
            if (e.field == f) return e.code;
        return std::string();
    };
    CHECK(codeOf("email") == "wrong_type");
    CHECK(codeOf("name") == "required");
    CHECK(codeOf("consent") == "wrong_type");
    CHECK(codeOf("tags") == "wrong_type");
    CHECK(codeOf("extra") == "unknown_field");
}

TEST_CASE("Well-formed bodies read without errors", "[web][json]") {
    auto body = JsonBody::parseText(R"({"email": "a@example.org", "consent": true, "ids": ["x", "y"]})");
    REQUIRE(body.ok());
    CHECK(body->requiredString("email") == "a@example.org");
    CHECK(body->requiredBool("consent"));
    CHECK(body->requiredStringArray("ids").size() == 2);
    CHECK_FALSE(body->optionalString("missing").has_value());
    CHECK(body->status().ok());
}

TEST_CASE("Over-long strings are refused", "[web][json]") {
    auto body = JsonBody::parseText(R"({"name": "abcdefghijk"})");
    REQUIRE(body.ok());
    body->requiredString("name", 10);
    CHECK(body->status().error().fields.at(0).code == "too_long");
}
