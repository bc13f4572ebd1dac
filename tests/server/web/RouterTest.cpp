#include <catch2/catch.hpp>

#include "web/Router.h"

using tessera::web::Request;
using tessera::web::Router;

TEST_CASE("The router matches literal segments and {parameters}", "[web][router]") {
    Router router;
    int hit = 0;
    router.get("/api/v1/sessions", [&](Request&) { hit = 1; });
    router.del("/api/v1/sessions/{id}", [&](Request&) { hit = 2; });
    router.get("/api/v1/sessions/{id}", [&](Request&) { hit = 3; });

    auto list = router.match("GET", "/api/v1/sessions");
    REQUIRE(list.handler);
    auto one = router.match("DELETE", "/api/v1/sessions/abc123");
    REQUIRE(one.handler);
    CHECK(one.params.at("id") == "abc123");
    auto trailing = router.match("GET", "/api/v1/sessions/");
    CHECK(trailing.handler);  // a trailing slash names the same resource
}

TEST_CASE("A known path with another method lists the allowed methods", "[web][router]") {
    Router router;
    router.get("/api/v1/accounts/me", [](Request&) {});
    router.patch("/api/v1/accounts/me", [](Request&) {});
    auto m = router.match("DELETE", "/api/v1/accounts/me");
    CHECK_FALSE(m.handler);
    CHECK(m.allowed == std::vector<std::string>{"GET", "PATCH"});
    auto head = router.match("HEAD", "/api/v1/accounts/me");
    CHECK(head.handler);  // HEAD is served by GET
}

TEST_CASE("An unknown path matches nothing", "[web][router]") {
    Router router;
    router.get("/healthz", [](Request&) {});
    auto m = router.match("GET", "/nope");
    CHECK_FALSE(m.handler);
    CHECK(m.allowed.empty());
    CHECK_FALSE(router.match("GET", "/healthz/extra").handler);
}
