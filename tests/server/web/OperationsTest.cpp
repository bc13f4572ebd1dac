#include <catch2/catch.hpp>

#include "support/ApiClient.h"
#include "support/TestServer.h"

using tessera::test::ApiClient;
using tessera::test::TestServer;

TEST_CASE("Health and readiness answer on every backend", "[web][operations]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend);
            ApiClient client(server.port());
            auto health = client.get("/healthz");
            CHECK(health.status == 200);
            CHECK(health.json()->getValue<std::string>("status") == "ok");
            auto ready = client.get("/readyz");
            CHECK(ready.status == 200);
            CHECK(ready.json()->getValue<std::string>("database") == backend);
        }
    }
}

TEST_CASE("Every answer carries the security headers and a request id", "[web][operations]") {
    TestServer server;
    ApiClient client(server.port());
    auto r = client.get("/healthz");
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("X-Frame-Options") == "DENY");
    CHECK(r.header("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    CHECK(r.header("Cache-Control") == "no-store");
    CHECK(r.header("X-Request-Id").size() == 16);
}

TEST_CASE("Unknown routes and wrong methods are problem+json", "[web][operations]") {
    TestServer server;
    ApiClient client(server.port());
    auto missing = client.get("/api/v1/nothing-here");
    CHECK(missing.status == 404);
    CHECK(missing.header("Content-Type").find("application/problem+json") == 0);
    CHECK(missing.problemCode() == "not_found");
    CHECK(missing.json()->getValue<int>("status") == 404);

    auto wrong = client.request("DELETE", "/healthz", "", "");
    CHECK(wrong.status == 405);
    CHECK(wrong.header("Allow") == "GET");
}

TEST_CASE("Bodies over the size limit are refused before any handler runs", "[web][operations]") {
    TestServer server(("sqlite"), [](tessera::infra::Settings& s) { s.maxBodyBytes = 2048; });
    ApiClient client(server.port());
    auto r = client.post("/api/v1/accounts", std::string(4096, 'x'));
    CHECK(r.status == 413);
    CHECK(r.problemCode() == "too_large");
}
