// A pending authorization request, sealed for the browser to carry: it opens only unchanged,
// for its purpose (and session), and not once it is too old.
#include <catch2/catch.hpp>

#include "core/oidc/PendingAuthorization.h"
#include "infra/Encoding.h"

using namespace tessera;
using namespace tessera::core::oidc;

namespace {

infra::SecretBox key() { return *infra::SecretBox::create(std::string(32, 'k')); }

PendingAuthorization pending() {
    PendingAuthorization p;
    p.parameters = {{"client_id", "abc"}, {"scope", "openid email"}, {"state", "s t&=%"}, {"state", "twice"},
                    {"claims", std::string(3000, '{')}};
    p.signInAskedAt = 1'800'000'100;
    p.sealedAt = 1'800'000'000;
    return p;
}

}  // namespace

TEST_CASE("A sealed pending request opens as it was sealed", "[oidc][authorize]") {
    const auto box = key();
    const std::string token = sealPending(box, pending(), kPendingConsent, "session-1");
    CHECK(token.size() < 1000);  // compressed: the repetitive claims shrink
    CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
    auto opened = openPending(box, token, kPendingConsent, "session-1", 1'800'000'000 + 60, 3600);
    REQUIRE(opened);
    CHECK(opened->parameters == pending().parameters);
    CHECK(opened->signInAskedAt == 1'800'000'100);
    CHECK(opened->sealedAt == 1'800'000'000);
}

TEST_CASE("A pending request opens for nothing else", "[oidc][authorize]") {
    const auto box = key();
    const std::int64_t now = 1'800'000'060;
    const std::string token = sealPending(box, pending(), kPendingConsent, "session-1");
    CHECK_FALSE(openPending(box, token, kPendingConsent, "session-2", now, 3600));  // another session
    CHECK_FALSE(openPending(box, token, kPendingSignIn, "session-1", now, 3600));   // another purpose
    CHECK_FALSE(openPending(box, token, kPendingConsent, "session-1", 1'800'003'601, 3600));  // too old
    CHECK_FALSE(openPending(box, token, kPendingConsent, "session-1", 1'799'999'999, 3600));  // from the future
    CHECK_FALSE(openPending(*infra::SecretBox::create(std::string(32, 'x')), token, kPendingConsent, "session-1", now, 3600));
    std::string tampered = token;
    tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
    CHECK_FALSE(openPending(box, tampered, kPendingConsent, "session-1", now, 3600));
    CHECK_FALSE(openPending(box, "", kPendingConsent, "session-1", now, 3600));
    CHECK_FALSE(openPending(box, "not base64!", kPendingConsent, "session-1", now, 3600));
    // Sealed garbage that is not a pending request.
    const std::string garbage = infra::encoding::base64url(box.seal("garbage", std::string(kPendingConsent) + ":session-1"));
    CHECK_FALSE(openPending(box, garbage, kPendingConsent, "session-1", now, 3600));
}
