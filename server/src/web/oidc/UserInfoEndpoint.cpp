// GET and POST /oauth2/userinfo (OpenID Connect Core §5.3) with a bearer access token as
// RFC 6750 allows it here: the Authorization header, or (POST only) a form-encoded
// access_token body parameter — never the query string, where it would end up in logs. Errors
// follow RFC 6750 §3: no token at all is 401 with a bare `Bearer realm` challenge; a bad token
// 401 invalid_token; a token without openid 403 insufficient_scope; a malformed request 400
// invalid_request.
#include <Poco/JSON/Object.h>
#include <Poco/String.h>

#include "web/oidc/Endpoints.h"
#include "web/oidc/OAuthResponse.h"

namespace tessera::web::oidc {

namespace {

constexpr const char* kChallenge = "Bearer realm=\"tessera\"";

void noStore(Request& r) {
    r.response.set("Cache-Control", "no-store");
    r.response.set("Pragma", "no-cache");
}

// 401 without error information: the request did not try to authenticate (RFC 6750 §3.1).
void sendNoToken(Request& r) {
    noStore(r);
    r.response.set("WWW-Authenticate", kChallenge);
    r.response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED);
    r.response.setContentLength(0);
    r.response.send();
}

void sendBearerError(Request& r, int status, const std::string& error, const std::string& description,
                     const std::string& extra = "") {
    r.response.set("WWW-Authenticate", std::string(kChallenge) + ", error=\"" + error + "\"" + extra);
    Poco::JSON::Object body;
    body.set("error", error);
    body.set("error_description", description);
    sendOAuthJson(r, status, body);
}

// The token the request carries; "" when it carries none; an Error when it is malformed.
Result<std::string> bearerToken(const Request& r) {
    if (r.queryParam("access_token"))
        return Error::invalid("invalid_request", "Send the access token in the Authorization header, not the URL.");
    std::string fromHeader;
    if (auto header = r.header("Authorization")) {
        const std::string value = Poco::trim(*header);
        const auto space = value.find(' ');
        const std::string scheme = value.substr(0, space);
        if (Poco::icompare(scheme, "Bearer") == 0) {
            fromHeader = space == std::string::npos ? std::string() : Poco::trim(value.substr(space + 1));
            if (fromHeader.empty() || fromHeader.find(' ') != std::string::npos)
                return Error::invalid("invalid_request", "The Authorization header must be: Bearer <token>.");
        }
        // Another scheme does not try to authenticate here: it is answered as no token.
    }
    std::string fromBody;
    if (r.method == "POST" && r.mediaType() == "application/x-www-form-urlencoded") {
        auto form = FormBody::parse(r);
        if (!form) return form.error();
        fromBody = form->get("access_token").value_or("");
    }
    if (!fromHeader.empty() && !fromBody.empty())
        return Error::invalid("invalid_request", "Send the access token one way only (RFC 6750 §2).");
    return fromHeader.empty() ? fromBody : fromHeader;
}

void userinfo(Request& r, core::oidc::Provider& provider) {
    auto token = bearerToken(r);
    if (!token) return sendBearerError(r, 400, "invalid_request", token.error().message);
    if (token->empty()) return sendNoToken(r);
    auto claims = provider.userInfo().claimsFor(*token);
    if (!claims) {
        const Error& e = claims.error();
        if (e.code == "invalid_token") return sendBearerError(r, 401, "invalid_token", "The access token is not valid.");
        if (e.code == "insufficient_scope")
            return sendBearerError(r, 403, "insufficient_scope", "The access token lacks the openid scope.",
                                   ", scope=\"openid\"");
        return sendOAuthError(r, e);
    }
    sendOAuthJson(r, 200, **claims);
}

}  // namespace

void registerUserInfoEndpoint(Router& router, const ProviderPtr& provider) {
    router.get("/oauth2/userinfo", [provider](Request& r) { userinfo(r, *provider); });
    router.post("/oauth2/userinfo", [provider](Request& r) { userinfo(r, *provider); });
}

}  // namespace tessera::web::oidc
