// Discovery (OpenID Connect Discovery 1.0, RFC 8414) and the JWKS. Discovery lists only what
// this server does today: the authorization endpoint, response types, subject types and ID
// token algorithms arrive with the authorization-code flow.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <initializer_list>
#include <sstream>

#include "web/Respond.h"
#include "web/oidc/Endpoints.h"

namespace tessera::web::oidc {

namespace {

Poco::JSON::Array::Ptr list(std::initializer_list<const char*> values) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const char* v : values) a->add(std::string(v));
    return a;
}

// Public, the same for everyone, and read by relying parties from anywhere (also browsers).
void publicDocument(Request& r) {
    r.response.set("Cache-Control", "public, max-age=300");
    r.response.set("Access-Control-Allow-Origin", "*");
}

Poco::JSON::Object discovery(const core::oidc::OidcSettings& s) {
    const auto authMethods = list({"client_secret_basic", "client_secret_post", "private_key_jwt"});
    const auto algs = list({"ES256", "RS256"});
    Poco::JSON::Object o;
    o.set("issuer", s.issuer);
    o.set("jwks_uri", s.jwksUri());
    o.set("token_endpoint", s.tokenEndpoint());
    o.set("introspection_endpoint", s.introspectionEndpoint());
    o.set("revocation_endpoint", s.revocationEndpoint());
    o.set("grant_types_supported", list({"client_credentials"}));
    o.set("token_endpoint_auth_methods_supported", authMethods);
    o.set("token_endpoint_auth_signing_alg_values_supported", algs);
    o.set("introspection_endpoint_auth_methods_supported", authMethods);
    o.set("introspection_endpoint_auth_signing_alg_values_supported", algs);
    o.set("revocation_endpoint_auth_methods_supported", authMethods);
    o.set("revocation_endpoint_auth_signing_alg_values_supported", algs);
    return o;
}

}  // namespace

void registerDiscoveryEndpoints(Router& router, const ProviderPtr& provider) {
    router.get("/.well-known/openid-configuration", [provider](Request& r) {
        publicDocument(r);
        sendJson(r, 200, discovery(provider->settings()));
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
