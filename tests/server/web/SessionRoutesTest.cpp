#include <catch2/catch.hpp>

#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

namespace {

const std::string kCookie = "tessera_session";

std::vector<Poco::JSON::Object::Ptr> sessionItems(ApiClient& client) {
    auto r = client.get("/api/v1/sessions");
    REQUIRE(r.status == 200);
    std::vector<Poco::JSON::Object::Ptr> out;
    auto items = r.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) out.push_back(items->getObject(static_cast<unsigned>(i)));
    return out;
}

}  // namespace

TEST_CASE("A signed-in session ends after 30 idle minutes", "[web][sessions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto account = makeAccount(server.services());
            ApiClient client(server.port());
            REQUIRE(signInWithTotp(client, server.clock(), account).status == 200);
            server.clock().advance(29 * 60);
            CHECK(client.get("/api/v1/sessions").status == 200);  // activity slides the idle limit
            server.clock().advance(29 * 60);
            CHECK(client.get("/api/v1/sessions").status == 200);
            server.clock().advance(31 * 60);
            auto idle = client.get("/api/v1/sessions");
            CHECK(idle.status == 401);
            CHECK(idle.problemCode() == "sign_in_required");
        }
    }
}

TEST_CASE("A signed-in session ends after 12 hours however active it is", "[web][sessions]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services());
    ApiClient client(server.port());
    REQUIRE(signInWithTotp(client, server.clock(), account).status == 200);
    int minutes = 0;
    while (minutes + 20 < 12 * 60) {
        server.clock().advance(20 * 60);
        minutes += 20;
        REQUIRE(client.get("/api/v1/sessions").status == 200);
    }
    server.clock().advance((12 * 60 - minutes) * 60);
    CHECK(client.get("/api/v1/sessions").status == 401);
}

TEST_CASE("Cookies are HttpOnly, SameSite=Lax, whole-site, and live as long as the session", "[web][sessions]") {
    SECTION("plain-http localhost") {
        TestServer server("sqlite", useCheapPasswordHashing);
        auto account = makeAccount(server.services());
        ApiClient client(server.port());
        auto first = postPassword(client, account.email, account.password);
        REQUIRE(first.setCookies.size() == 1);
        CHECK(first.setCookies[0].rfind(kCookie + "=", 0) == 0);
        CHECK(first.setCookies[0].find("; HttpOnly") != std::string::npos);
        CHECK(first.setCookies[0].find("; SameSite=Lax") != std::string::npos);
        CHECK(first.setCookies[0].find("; Path=/") != std::string::npos);
        CHECK(first.setCookies[0].find("; Max-Age=3600") != std::string::npos);  // pending sessions: 1 h
        CHECK(first.setCookies[0].find("Secure") == std::string::npos);
        auto second = client.post("/api/v1/sessions/second-factor",
                                  json({{"code", totpCode(account.totpSecret, server.clock())}}));
        REQUIRE(second.setCookies.size() == 1);
        CHECK(second.setCookies[0].find("; Max-Age=43200") != std::string::npos);  // the 12-hour limit
    }
    SECTION("secure cookies") {
        TestServer server("sqlite", [](tessera::infra::Settings& s) {
            useCheapPasswordHashing(s);
            s.cookieSecure = true;
        });
        auto account = makeAccount(server.services());
        ApiClient client(server.port());
        auto first = postPassword(client, account.email, account.password);
        REQUIRE(first.setCookies.size() == 1);
        CHECK(first.setCookies[0].rfind("__Host-tessera_session=", 0) == 0);
        CHECK(first.setCookies[0].find("; Secure") != std::string::npos);
        CHECK(first.setCookies[0].find("Domain") == std::string::npos);
    }
}

TEST_CASE("My sessions over HTTP: list, end one, sign out, sign out everywhere", "[web][sessions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto account = makeAccount(server.services());
            ApiClient laptop(server.port()), phone(server.port()), tablet(server.port());
            for (auto* c : {&laptop, &phone, &tablet}) REQUIRE(signInWithTotp(*c, server.clock(), account).status == 200);

            auto listed = sessionItems(laptop);
            REQUIRE(listed.size() == 3);
            int current = 0;
            std::string phoneId;
            for (const auto& s : listed) {
                if (s->getValue<bool>("current")) {
                    ++current;
                    CHECK(s->has("csrfToken"));
                } else {
                    CHECK_FALSE(s->has("csrfToken"));  // other sessions' CSRF tokens are never shown
                }
                CHECK(s->getValue<std::string>("stage") == "authenticated");
                CHECK(s->has("createdAt"));
                CHECK(s->has("lastSeenAt"));
                CHECK(s->has("expiresAt"));
            }
            CHECK(current == 1);
            for (const auto& s : sessionItems(phone))
                if (s->getValue<bool>("current")) phoneId = s->getValue<std::string>("id");

            // End the phone's session from the laptop.
            CHECK(laptop.del("/api/v1/sessions/" + phoneId).status == 204);
            CHECK(phone.get("/api/v1/sessions").status == 401);
            CHECK(sessionItems(laptop).size() == 2);
            auto gone = laptop.del("/api/v1/sessions/" + phoneId);
            CHECK(gone.status == 404);
            CHECK(gone.problemCode() == "session_not_found");

            // Sign out here: the cookie is cleared and the session is over.
            auto out = tablet.del("/api/v1/sessions/current");
            CHECK(out.status == 204);
            REQUIRE(out.setCookies.size() == 1);
            CHECK(out.setCookies[0].find("Max-Age=0") != std::string::npos);
            CHECK(tablet.cookies().count(kCookie) == 0);
            CHECK(sessionItems(laptop).size() == 1);

            // Everywhere: a fresh session elsewhere ends as well as this one.
            ApiClient desktop(server.port());
            REQUIRE(signInWithTotp(desktop, server.clock(), account).status == 200);
            CHECK(laptop.del("/api/v1/sessions").status == 204);
            CHECK(laptop.get("/api/v1/sessions").status == 401);
            CHECK(desktop.get("/api/v1/sessions").status == 401);
        }
    }
}

TEST_CASE("Sessions of other accounts cannot be ended", "[web][sessions]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto ada = makeAccount(server.services(), activeWithTotp("ada@example.org"));
    auto bob = makeAccount(server.services(), activeWithTotp("bob@example.org"));
    ApiClient adaClient(server.port()), bobClient(server.port());
    REQUIRE(signInWithTotp(adaClient, server.clock(), ada).status == 200);
    REQUIRE(signInWithTotp(bobClient, server.clock(), bob).status == 200);
    const std::string bobsId = sessionItems(bobClient).at(0)->getValue<std::string>("id");
    CHECK(adaClient.del("/api/v1/sessions/" + bobsId).status == 404);
    CHECK(bobClient.get("/api/v1/sessions").status == 200);
}
