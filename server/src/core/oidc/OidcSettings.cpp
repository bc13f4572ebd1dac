#include "core/oidc/OidcSettings.h"

namespace tessera::core::oidc {

OidcSettings oidcSettingsFrom(const infra::Settings& settings) {
    OidcSettings s;
    s.issuer = settings.publicUrl;
    while (!s.issuer.empty() && s.issuer.back() == '/') s.issuer.pop_back();
    s.accessTokenSeconds = settings.oidcAccessTokenSeconds;
    s.idTokenSeconds = settings.oidcIdTokenSeconds;
    s.keyRotationSeconds = settings.oidcKeyRotationDays * 24 * 3600;
    s.keyPrepublishSeconds = settings.oidcKeyPrepublishHours * 3600;
    s.rsaKeyBits = settings.oidcRsaKeyBits;
    return s;
}

}  // namespace tessera::core::oidc
