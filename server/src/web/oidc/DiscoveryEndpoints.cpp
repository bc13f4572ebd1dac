// Discovery (OpenID Connect Discovery 1.0, RFC 8414) and the JWKS. Discovery lists what this
// server does: the authorization-code flow with PKCE (S256), refresh and client credentials,
// pairwise and public subjects, ES256 and RS256 ID tokens, userinfo, introspection,
// revocation, RP-initiated and back-channel logout, the levels of assurance as this deployment
// names them (acr values), and verified claims (OpenID Connect for Identity Assurance 1.0 §8).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <initializer_list>
#include <sstream>

#include "core/oidc/AcrValues.h"
#include "core/oidc/CitizenClaims.h"
#include "core/oidc/IdentityAssurance.h"
#include "core/services/ServiceVocabulary.h"
#include "web/Respond.h"
#include "web/oidc/Endpoints.h"

namespace tessera::web::oidc {

namespace {

Poco::JSON::Array::Ptr list(std::initializer_list<const char*> values) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const char* v : values) a->add(std::string(v));
    return a;
}

Poco::JSON::Array::Ptr list(const std::vector<std::string>& values) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const auto& v : values) a->add(v);
    return a;
}


// The claims an ID token or the userinfo endpoint can carry.
Poco::JSON::Array::Ptr claimsSupported() {
    Poco::JSON::Array::Ptr a = list({"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "sid",
                                     "azp", "at_hash"});
    for (const auto& claim : core::oidc::suppliedCitizenClaims()) a->add(claim);
    a->add(std::string("verified_claims"));
    return a;
}

// OpenID Connect for Identity Assurance 1.0 §8.
void identityAssurance(Poco::JSON::Object& o, const core::Context& ctx) {
    namespace ida = core::oidc::ida;
    const std::string& framework = ctx.settings.assuranceTrustFramework;
    o.set("verified_claims_supported", true);
    o.set("trust_frameworks_supported", list({framework.empty() ? std::string(ida::kDefaultTrustFramework) : framework}));
    o.set("evidence_supported", list(ida::evidenceTypes()));
    o.set("documents_supported", list(ida::documentTypes()));
    o.set("documents_check_methods_supported", list(ida::documentCheckMethods()));
    o.set("electronic_records_supported", list(ida::electronicRecordTypes()));
    o.set("claims_in_verified_claims_supported", list(ida::claimsInVerifiedClaims()));
}

// Public, the same for everyone, and read by relying parties from anywhere (also browsers).
void publicDocument(Request& r) {
    r.response.set("Cache-Control", "public, max-age=300");
    r.response.set("Access-Control-Allow-Origin", "*");
}

Poco::JSON::Object discovery(core::oidc::Provider& provider) {
    const core::oidc::OidcSettings& s = provider.settings();
    const auto authMethods = list({"client_secret_basic", "client_secret_post", "private_key_jwt"});
    const auto algs = list({"ES256", "RS256"});
    Poco::JSON::Object o;
    o.set("issuer", s.issuer);
    o.set("authorization_endpoint", s.authorizationEndpoint());
    o.set("token_endpoint", s.tokenEndpoint());
    o.set("userinfo_endpoint", s.userinfoEndpoint());
    o.set("jwks_uri", s.jwksUri());
    o.set("end_session_endpoint", s.endSessionEndpoint());
    o.set("introspection_endpoint", s.introspectionEndpoint());
    o.set("revocation_endpoint", s.revocationEndpoint());
    o.set("scopes_supported", list(core::vocabulary::knownScopes()));
    o.set("response_types_supported", list({"code"}));
    o.set("response_modes_supported", list({"query"}));
    o.set("grant_types_supported", list({"authorization_code", "refresh_token", "client_credentials"}));
    o.set("code_challenge_methods_supported", list({"S256"}));
    o.set("subject_types_supported", list({"pairwise", "public"}));
    o.set("id_token_signing_alg_values_supported", algs);
    o.set("acr_values_supported", list(core::oidc::AcrValues::of(provider.context()).all()));
    o.set("claims_supported", claimsSupported());
    o.set("claims_parameter_supported", true);
    identityAssurance(o, provider.context());
    o.set("request_parameter_supported", false);
    o.set("request_uri_parameter_supported", false);
    o.set("prompt_values_supported", list({"none", "login", "consent"}));
    o.set("ui_locales_supported", list({"en", "fr", "gd"}));
    o.set("backchannel_logout_supported", true);
    o.set("backchannel_logout_session_supported", true);
    o.set("frontchannel_logout_supported", false);
    o.set("authorization_response_iss_parameter_supported", true);
    // Public clients authenticate with "none" (client_id only) and must use PKCE.
    o.set("token_endpoint_auth_methods_supported",
          list({"client_secret_basic", "client_secret_post", "private_key_jwt", "none"}));
    o.set("token_endpoint_auth_signing_alg_values_supported", algs);
    o.set("introspection_endpoint_auth_methods_supported", authMethods);
    o.set("introspection_endpoint_auth_signing_alg_values_supported", algs);
    o.set("revocation_endpoint_auth_methods_supported",
          list({"client_secret_basic", "client_secret_post", "private_key_jwt", "none"}));
    o.set("revocation_endpoint_auth_signing_alg_values_supported", algs);
    return o;
}

}  // namespace

void registerDiscoveryEndpoints(Router& router, const ProviderPtr& provider) {
    router.get("/.well-known/openid-configuration", [provider](Request& r) {
        publicDocument(r);
        sendJson(r, 200, discovery(*provider));
    });
    router.get("/oauth2/jwks", [provider](Request& r) {
        publicDocument(r);
        auto& resp = r.response;
        std::ostringstream os;
        Poco::JSON::Stringifier::condense(provider->keys().jwks(), os);
        const std::string body = os.str();
        resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
        resp.setContentType("application/jwk-set+json");
        resp.setContentLength(static_cast<std::streamsize>(body.size()));
        auto& out = resp.send();
        if (r.method != "HEAD") out << body;
    });
}

}  // namespace tessera::web::oidc
