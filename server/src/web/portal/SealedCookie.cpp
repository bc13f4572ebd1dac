#include "web/portal/SealedCookie.h"

#include "infra/Encoding.h"

namespace tessera::web::portal {

namespace {

constexpr std::size_t kTimeBytes = 8;
constexpr std::size_t kMaxCookieValue = 3000;  // well above any value sealed here; browsers keep 4 KB

std::string cookieName(const Services& services, const SealedCookie& cookie) {
    return (services.settings.cookieSecure ? "__Secure-" : "") + cookie.name;
}

std::string attributes(const Services& services, const SealedCookie& cookie) {
    return "; Path=" + cookie.path + "; HttpOnly; SameSite=Strict" + (services.settings.cookieSecure ? "; Secure" : "");
}

// Binds a sealed value to its purpose and its session: it opens for no other cookie or session.
std::string associatedData(const SealedCookie& cookie, const std::string& boundTo) {
    return "tessera.portal.sealed-cookie.v1:" + cookie.name + ":" + boundTo;
}

std::string packTime(std::int64_t t) {
    std::string out(kTimeBytes, '\0');
    auto v = static_cast<std::uint64_t>(t);
    for (std::size_t i = kTimeBytes; i-- > 0; v >>= 8) out[i] = static_cast<char>(v & 0xff);
    return out;
}

std::int64_t unpackTime(std::string_view bytes) {
    std::uint64_t v = 0;
    for (unsigned char c : bytes) v = (v << 8) | c;
    return static_cast<std::int64_t>(v);
}

}  // namespace

void setSealedCookie(Request& r, const Services& services, const SealedCookie& cookie, const std::string& boundTo,
                     std::string_view value) {
    std::string plain = packTime(services.clock.now());
    plain.append(value);
    const std::string sealed = infra::encoding::base64url(services.dataKey.seal(plain, associatedData(cookie, boundTo)));
    r.response.add("Set-Cookie", cookieName(services, cookie) + "=" + sealed +
                                     "; Max-Age=" + std::to_string(cookie.maxAgeSeconds) + attributes(services, cookie));
}

std::optional<std::string> openSealedCookie(const Request& r, const Services& services, const SealedCookie& cookie,
                                            const std::string& boundTo) {
    const auto text = r.cookie(cookieName(services, cookie));
    if (!text || text->empty() || text->size() > kMaxCookieValue || boundTo.empty()) return std::nullopt;
    const auto sealed = infra::encoding::unbase64url(*text);
    if (!sealed) return std::nullopt;
    auto opened = services.dataKey.open(*sealed, associatedData(cookie, boundTo));
    if (!opened || opened->size() < kTimeBytes) return std::nullopt;
    const std::int64_t age = services.clock.now() - unpackTime(std::string_view(*opened).substr(0, kTimeBytes));
    if (age < 0 || age > cookie.maxAgeSeconds) return std::nullopt;
    return opened->substr(kTimeBytes);
}

void clearSealedCookie(Request& r, const Services& services, const SealedCookie& cookie) {
    r.response.add("Set-Cookie", cookieName(services, cookie) + "=; Max-Age=0" + attributes(services, cookie));
}

}  // namespace tessera::web::portal
