#include <catch2/catch.hpp>

#include <chrono>

#include "infra/registers/CsvRegister.h"
#include "infra/registers/HttpRegisterConnector.h"
#include "support/FakeGovernmentRegister.h"
#include "support/Paths.h"

using namespace tessera;
using namespace tessera::infra;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<CsvRegister> sampleVitalRecords() {
    auto reg = CsvRegister::load(RegisterKind::VitalRecords, test::resourcesDir() + "/registers/vital-records.csv");
    REQUIRE(reg.ok());
    return std::move(reg).value();
}

// Settings that keep the tests quick: short timeouts, little backoff.
HttpRegisterSettings quick(const std::string& baseUrl) {
    HttpRegisterSettings s;
    s.name = "vital_records";
    s.baseUrl = baseUrl;
    s.connectTimeoutMs = 500;
    s.readTimeoutMs = 300;
    s.retries = 2;
    s.retryBackoffMs = 5;
    s.breakerFailures = 3;
    s.breakerCoolOffSeconds = 30;
    return s;
}

std::unique_ptr<HttpRegisterConnector> connect(HttpRegisterSettings s, Clock& clock) {
    auto c = HttpRegisterConnector::create(std::move(s), clock);
    REQUIRE(c.ok());
    return std::move(c).value();
}

}  // namespace

TEST_CASE("HTTP register: answers the records the register holds under the key", "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto reg = connect(quick(fake.baseUrl()), clock);
    CHECK(reg->name() == "vital_records");

    auto found = reg->lookup("1995-04-17");
    REQUIRE(found.ok());
    REQUIRE(found->size() == 2);
    CHECK(found->at(0).at("person_ref") == "P-0006");
    CHECK(found->at(1).at("family_name") == "Brodie");
    CHECK(found->at(0).size() == 7);

    auto none = reg->lookup("1900-01-01");
    REQUIRE(none.ok());
    CHECK(none->empty());
    CHECK(fake.requests() == 2);
}

TEST_CASE("HTTP register: the key travels URL-encoded and arrives intact", "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto s = quick(fake.baseUrl() + "/api/v1/");  // a base path, with a trailing slash
    auto reg = connect(s, clock);
    const std::string key = "passport:AB 12&x=y#z/é+%";
    REQUIRE(reg->lookup(key).ok());
    CHECK(fake.lastKey() == key);
}

TEST_CASE("HTTP register: 5xx answers are retried with backoff", "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto reg = connect(quick(fake.baseUrl()), clock);

    fake.failNext(2, 503);
    auto found = reg->lookup("1984-06-12");
    REQUIRE(found.ok());
    CHECK(found->size() == 1);
    CHECK(fake.requests() == 3);

    fake.failNext(3, 500);
    auto failed = reg->lookup("1984-06-12");
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().kind == ErrorKind::Unavailable);
    CHECK(failed.error().code == "register_unavailable");
    CHECK_THAT(failed.error().message, Catch::Contains("vital_records") && Catch::Contains("500"));
    CHECK_THAT(failed.error().message, !Catch::Contains("1984-06-12"));
    CHECK(fake.requests() == 6);
}

TEST_CASE("HTTP register: a slow register times out, and is retried", "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto s = quick(fake.baseUrl());
    s.readTimeoutMs = 150;
    s.retries = 1;
    auto reg = connect(s, clock);

    fake.delayAnswers(1000ms);
    const auto start = std::chrono::steady_clock::now();
    auto slow = reg->lookup("1984-06-12");
    const auto waited = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(slow.ok());
    CHECK(slow.error().code == "register_unavailable");
    CHECK_THAT(slow.error().message, Catch::Contains("in time"));
    CHECK(fake.requests() == 2);
    CHECK(waited < 900ms);  // two timeouts of 150 ms and a 5 ms backoff, not the register's second

    fake.reset();
    CHECK(reg->lookup("1984-06-12").ok());
}

TEST_CASE("HTTP register: a refused connection is unavailable", "[registers][http]") {
    ManualClock clock;
    int port = 0;
    {
        auto rows = sampleVitalRecords();
        test::FakeGovernmentRegister gone(*rows);
        port = gone.port();
    }
    auto reg = connect(quick("http://127.0.0.1:" + std::to_string(port)), clock);
    auto r = reg->lookup("1984-06-12");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "register_unavailable");
}

TEST_CASE("HTTP register: a 4xx answer is not retried and does not trip the breaker", "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto reg = connect(quick(fake.baseUrl()), clock);
    fake.answerWith(404, R"({"error":"nope"})");
    for (int i = 0; i < 5; ++i) {
        auto r = reg->lookup("1984-06-12");
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.error().message, Catch::Contains("404"));
    }
    CHECK(fake.requests() == 5);
    CHECK(reg->breakerState() == CircuitBreaker::State::Closed);
}

TEST_CASE("HTTP register: a reply that is not the expected JSON is unavailable, not retried", "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto reg = connect(quick(fake.baseUrl()), clock);
    const char* bodies[] = {"not json", R"({"rows":[]})", R"({"records":{}})", R"({"records":[1]})",
                            R"({"records":[{"a":{"b":1}}]})", R"([])"};
    int expected = 0;
    for (const char* body : bodies) {
        fake.answerWith(200, body);
        auto r = reg->lookup("1984-06-12");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "register_unavailable");
        CHECK(fake.requests() == ++expected);
        // Each counts towards the breaker: reset it by a good answer.
        fake.reset();
        REQUIRE(reg->lookup("1984-06-12").ok());
        ++expected;
    }
    // Numbers and nulls are read as text.
    fake.answerWith(200, R"({"records":[{"uprn":906700000101,"line2":null,"flag":true}]})");
    auto r = reg->lookup("x");
    REQUIRE(r.ok());
    CHECK(r->front().at("uprn") == "906700000101");
    CHECK(r->front().at("line2") == "");
    CHECK(r->front().at("flag") == "true");
}

TEST_CASE("HTTP register: the circuit breaker opens, fails fast, then tries once after the cool-off",
          "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto s = quick(fake.baseUrl());
    s.retries = 0;
    auto reg = connect(s, clock);

    fake.answerWith(503, "{}");
    for (int i = 0; i < 3; ++i) REQUIRE_FALSE(reg->lookup("1984-06-12").ok());
    CHECK(reg->breakerState() == CircuitBreaker::State::Open);
    CHECK(fake.requests() == 3);

    // Open: no request reaches the register.
    auto fast = reg->lookup("1984-06-12");
    REQUIRE_FALSE(fast.ok());
    CHECK(fast.error().code == "register_unavailable");
    CHECK_THAT(fast.error().message, Catch::Contains("vital_records") && Catch::Contains("paused"));
    CHECK(fake.requests() == 3);

    // After the cool-off one trial goes through; it fails, so the breaker opens again.
    clock.advance(30);
    REQUIRE_FALSE(reg->lookup("1984-06-12").ok());
    CHECK(fake.requests() == 4);
    CHECK(reg->breakerState() == CircuitBreaker::State::Open);
    REQUIRE_FALSE(reg->lookup("1984-06-12").ok());
    CHECK(fake.requests() == 4);

    // The register recovers: the next trial succeeds and closes the breaker.
    fake.reset();
    clock.advance(30);
    auto back = reg->lookup("1984-06-12");
    REQUIRE(back.ok());
    CHECK(back->size() == 1);
    CHECK(reg->breakerState() == CircuitBreaker::State::Closed);
    CHECK(fake.requests() == 5);
}

TEST_CASE("HTTP register: a trial after the cool-off gets one attempt, not the retries", "[registers][http]") {
    auto rows = sampleVitalRecords();
    test::FakeGovernmentRegister fake(*rows);
    ManualClock clock;
    auto s = quick(fake.baseUrl());
    s.retries = 2;
    s.breakerFailures = 1;
    auto reg = connect(s, clock);
    fake.answerWith(502, "{}");
    REQUIRE_FALSE(reg->lookup("k").ok());
    CHECK(fake.requests() == 3);  // the first attempt and two retries
    clock.advance(30);
    REQUIRE_FALSE(reg->lookup("k").ok());
    CHECK(fake.requests() == 4);
}

TEST_CASE("HTTP register: only https, or http to a loopback host – TLS files must come in pairs",
          "[registers][http]") {
    ManualClock clock;
    auto make = [&](const std::string& url) { return HttpRegisterConnector::create(quick(url), clock); };
    for (const char* bad : {"http://register.example/api", "ftp://127.0.0.1/", "https://user:pw@register.example/",
                            "https://register.example/api?x=1", "https:///nohost", "not a url"}) {
        auto c = make(bad);
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "register_source_invalid");
        CHECK_THAT(c.error().message, Catch::Contains("vital_records"));
    }
    CHECK(make("http://127.0.0.1:9/").ok());
    CHECK(make("http://localhost:9/registers").ok());
    CHECK(make("https://register.example/api").ok());

    auto s = quick("https://register.example/api");
    s.clientCertFile = "/tmp/client.pem";
    auto half = HttpRegisterConnector::create(s, clock);
    REQUIRE_FALSE(half.ok());
    CHECK(half.error().code == "register_tls_invalid");

    s.clientKeyFile = "/nonexistent/client-key.pem";
    s.clientCertFile = "/nonexistent/client.pem";
    auto missing = HttpRegisterConnector::create(s, clock);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "register_tls_invalid");
}
