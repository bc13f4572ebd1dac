#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

#include "infra/Encoding.h"
#include "infra/Totp.h"

using namespace tessera::infra;

namespace {

const std::string kRfcSecret = "12345678901234567890";  // RFC 6238 Appendix B, SHA-1 seed

// Runs Debian's oathtool for an independent reference code.
std::string oathtool(const std::string& base32Secret, std::int64_t unixTime) {
    const std::string command =
        "/usr/bin/oathtool --totp -b -N @" + std::to_string(unixTime) + " " + base32Secret + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 128> buffer{};
    while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) out += buffer.data();
    const int status = pclose(pipe);
    INFO("oathtool output: " << out);
    REQUIRE(status == 0);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

}  // namespace

// The RFC lists 8-digit codes; our 6-digit codes are their last six digits.
TEST_CASE("TOTP matches RFC 6238 Appendix B SHA-1 vectors (6 digits)", "[totp]") {
    const std::pair<std::int64_t, const char*> vectors[] = {
        {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
        {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"},
    };
    for (const auto& [time, expected] : vectors) {
        CAPTURE(time);
        CHECK(totp::code(kRfcSecret, time) == expected);
        CHECK(totp::matchStep(kRfcSecret, expected, time) == time / 30);
    }
}

TEST_CASE("TOTP codes agree with oathtool", "[totp]") {
    if (access("/usr/bin/oathtool", X_OK) != 0) {
        FAIL("oathtool is required for this test but /usr/bin/oathtool is missing: apt-get install oathtool");
    }
    CHECK(oathtool(encoding::base32(kRfcSecret), 59) == "287082");
    for (int i = 0; i < 5; ++i) {
        const std::string secret = totp::generateSecret();
        const std::string b32 = encoding::base32(secret);
        for (std::int64_t t : {std::int64_t{0}, std::int64_t{1'700'000'000} + i * 7919, std::int64_t{4'102'444'800}}) {
            CAPTURE(t);
            CHECK(totp::code(secret, t) == oathtool(b32, t));
        }
    }
}

TEST_CASE("TOTP accepts the neighbouring step and refuses codes outside ±1 step", "[totp]") {
    const std::string secret = totp::generateSecret();
    REQUIRE(secret.size() == 20);
    const std::int64_t now = 1'800'000'015;
    const std::int64_t step = now / 30;
    const std::string current = totp::code(secret, now);

    CHECK(totp::matchStep(secret, current, now) == step);
    CHECK(totp::matchStep(secret, current, now + 30) == step);  // one step late
    CHECK(totp::matchStep(secret, current, now - 30) == step);  // one step early
    CHECK_FALSE(totp::matchStep(secret, current, now + 60).has_value());
    CHECK_FALSE(totp::matchStep(secret, current, now - 60).has_value());
    CHECK_FALSE(totp::matchStep(secret, current, now + 30, 0).has_value());
    // Fixed secrets and time keep this deterministic: another secret's code does not match.
    CHECK_FALSE(totp::matchStep("another secret bytes", totp::code(kRfcSecret, 59), 59).has_value());
}

TEST_CASE("TOTP matched step lets the caller refuse a replayed code", "[totp]") {
    const std::string secret = totp::generateSecret();
    const std::int64_t now = 1'800'000'000;
    const std::string c = totp::code(secret, now);
    std::int64_t lastUsedStep = -1;

    auto accept = [&](std::int64_t at) {
        auto step = totp::matchStep(secret, c, at);
        if (!step || *step <= lastUsedStep) return false;
        lastUsedStep = *step;
        return true;
    };
    CHECK(accept(now));
    CHECK_FALSE(accept(now));       // same code again
    CHECK_FALSE(accept(now + 30));  // still inside the window, but already used
}

TEST_CASE("TOTP rejects input that is not six digits", "[totp]") {
    const std::int64_t now = 59;
    const std::string good = totp::code(kRfcSecret, now);
    CHECK(totp::matchStep(kRfcSecret, good, now).has_value());
    for (const char* bad : {"", "28708", "2870820", "28708a", " 287082", "287 082", "+28708", "-28708"}) {
        CAPTURE(bad);
        CHECK_FALSE(totp::matchStep(kRfcSecret, bad, now).has_value());
    }
    CHECK_FALSE(totp::matchStep("", "123456", now).has_value());
}

TEST_CASE("otpauth URI percent-encodes issuer and account", "[totp]") {
    CHECK(totp::otpauthUri("Tessera", "ana@example.org", "JBSWY3DPEHPK3PXP") ==
          "otpauth://totp/Tessera:ana%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Tessera"
          "&algorithm=SHA1&digits=6&period=30");
    CHECK(totp::otpauthUri("Gov ID & Co", "a b:c", "AB") ==
          "otpauth://totp/Gov%20ID%20%26%20Co:a%20b%3Ac?secret=AB&issuer=Gov%20ID%20%26%20Co"
          "&algorithm=SHA1&digits=6&period=30");
    CHECK(totp::otpauthUri("Tessera", "jos\xc3\xa9", "AB").find("jos%C3%A9") != std::string::npos);
}
