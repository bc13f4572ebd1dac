#include "core/accounts/DecoySession.h"

#include <cstdint>

#include "infra/Digest.h"
#include "infra/Encoding.h"
#include "infra/Random.h"

namespace tessera::core {

namespace {

// Binds sealed decoys to this purpose, so no other sealed value can pass for one.
constexpr std::string_view kAssociatedData = "tessera.decoy-session.v1";
constexpr std::size_t kTokenBytes = 32;  // as SessionStore's tokens
constexpr std::size_t kCsrfBytes = 24;   // as SessionStore's CSRF tokens

std::string packTime(std::int64_t t) {
    const auto v = static_cast<std::uint32_t>(t);  // Unix seconds fit until 2106
    return {char(v >> 24), char((v >> 16) & 0xff), char((v >> 8) & 0xff), char(v & 0xff)};
}

std::int64_t unpackTime(const std::string& bytes) {
    std::uint32_t v = 0;
    for (unsigned char c : bytes) v = (v << 8) | c;
    return v;
}

// Stable per token: the registration answer and any later look-up describe the same decoy.
std::string derived(const std::string& label, const std::string& token) {
    return infra::digest::sha256("tessera.decoy." + label + ":" + token);
}

Session describe(const Context& ctx, const std::string& token, std::int64_t createdAt) {
    Session s;
    s.publicId = infra::encoding::hex(derived("id", token).substr(0, 16));
    s.accountId = infra::encoding::hex(derived("account", token).substr(0, 16));
    s.stage = SessionStage::PendingEmail;
    s.csrfToken = infra::encoding::base64url(derived("csrf", token).substr(0, kCsrfBytes));
    s.createdAt = s.lastSeenAt = createdAt;
    s.expiresAt = createdAt + ctx.settings.pendingSessionSeconds;
    return s;
}

}  // namespace

NewSession issueDecoySession(const Context& ctx, const std::string& clientAddress, const std::string& userAgent) {
    const std::int64_t now = ctx.clock.now();
    NewSession decoy;
    decoy.token = infra::encoding::base64url(ctx.dataKey.seal(packTime(now), kAssociatedData));
    decoy.session = describe(ctx, decoy.token, now);
    decoy.session.clientAddress = clientAddress.substr(0, 64);
    decoy.session.userAgent = userAgent.substr(0, 256);
    return decoy;
}

std::optional<Session> openDecoySession(const Context& ctx, const std::string& token) {
    auto sealed = infra::encoding::unbase64url(token);
    if (!sealed || sealed->size() != kTokenBytes) return std::nullopt;
    auto opened = ctx.dataKey.open(*sealed, kAssociatedData);
    if (!opened || opened->size() != 4) return std::nullopt;
    Session s = describe(ctx, token, unpackTime(*opened));
    if (ctx.clock.now() >= s.expiresAt) return std::nullopt;
    return s;
}

}  // namespace tessera::core
