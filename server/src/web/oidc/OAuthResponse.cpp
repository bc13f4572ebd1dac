#include "web/oidc/OAuthResponse.h"

#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "web/Respond.h"

namespace tessera::web::oidc {

namespace {

const std::set<std::string>& oauthErrors() {
    static const std::set<std::string> codes{"invalid_request",        "invalid_client", "invalid_grant",
                                             "unauthorized_client",    "unsupported_grant_type",
                                             "invalid_scope",          "invalid_token",
                                             "unsupported_token_type", "access_denied"};
    return codes;
}

// error_description may hold only %x20-21 / %x23-5B / %x5D-7E (RFC 6749 §5.2).
std::string description(const std::string& message) {
    std::string out = message.substr(0, 300);
    std::replace_if(out.begin(), out.end(),
                    [](unsigned char c) { return c < 0x20 || c > 0x7e || c == '"' || c == '\\'; }, '\'');
    return out;
}

void noStore(Request& r) {
    r.response.set("Cache-Control", "no-store");
    r.response.set("Pragma", "no-cache");
}

}  // namespace

void sendOAuthJson(Request& r, int status, const Poco::JSON::Object& body) {
    noStore(r);
    sendJson(r, status, body);
}

void sendOAuthOk(Request& r) {
    noStore(r);
    r.response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    r.response.setContentLength(0);
    r.response.send();
}

void sendOAuthError(Request& r, const Error& error) {
    std::string code = error.code;
    int status = 400;
    if (!oauthErrors().count(code)) {
        if (error.kind == ErrorKind::Internal) code = "server_error";
        else if (error.kind == ErrorKind::Unavailable) code = "temporarily_unavailable";
        else code = "invalid_request";
    }
    if (code == "invalid_client" || code == "invalid_token") status = 401;
    if (code == "server_error") status = 500;
    if (code == "temporarily_unavailable") status = 503;
    if (code == "invalid_client") r.response.set("WWW-Authenticate", "Basic realm=\"tessera\", charset=\"UTF-8\"");
    if (code == "invalid_token") r.response.set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    Poco::JSON::Object body;
    body.set("error", code);
    // Internal details stay in the server's log, not in the answer.
    body.set("error_description",
             code == "server_error" ? std::string("Something went wrong on our side.") : description(error.message));
    sendOAuthJson(r, status, body);
}

}  // namespace tessera::web::oidc
