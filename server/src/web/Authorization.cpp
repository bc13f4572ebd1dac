#include "web/Authorization.h"

#include <Poco/String.h>

#include <sstream>

#include "core/accounts/Account.h"
#include "core/oidc/TokenVerifier.h"
#include "core/services/ServiceVocabulary.h"
#include "web/Respond.h"

namespace tessera::web {

namespace {

constexpr const char* kChallenge = "Bearer realm=\"tessera\"";

std::optional<StaffCaller> refuseBearer(Request& r, int status, const std::string& error, const std::string& code,
                                        const std::string& message) {
    r.response.set("WWW-Authenticate", std::string(kChallenge) + ", error=\"" + error + "\"");
    sendProblem(r, status, code, "", message);
    return std::nullopt;
}

bool hasScope(const std::string& scopes, std::string_view wanted) {
    std::istringstream in(scopes);
    std::string s;
    while (in >> s)
        if (s == wanted) return true;
    return false;
}

// A bearer token on the Authorization header: the staff member it was issued for, or a problem.
std::optional<StaffCaller> bearerCaller(Request& r, Services& services, const std::string& header) {
    const std::string value = Poco::trim(header);
    const auto space = value.find(' ');
    const std::string token = space == std::string::npos ? "" : Poco::trim(value.substr(space + 1));
    if (token.empty() || token.find(' ') != std::string::npos)
        return refuseBearer(r, 400, "invalid_request", "invalid_request", "The Authorization header must be: Bearer <token>.");
    if (!services.accessTokens)
        return refuseBearer(r, 401, "invalid_token", "invalid_token", "Access tokens are not accepted here.");
    auto verified = services.accessTokens->verifyAccessToken(token);
    if (!verified || verified->record.accountId.empty())
        return refuseBearer(r, 401, "invalid_token", "invalid_token",
                            "The access token is not valid or has expired; sign in again.");
    if (!hasScope(verified->record.scope, core::vocabulary::kStaffScope))
        return refuseBearer(r, 403, "insufficient_scope", "insufficient_scope",
                            "The access token was not issued for staff work (scope tessera:staff).");
    auto account = services.accounts.findById(verified->record.accountId);
    if (!account || account->status != core::AccountStatus::Active)
        return refuseBearer(r, 401, "invalid_token", "invalid_token", "The account behind this token is not active.");
    return StaffCaller{account->id, true};
}

std::string rolesForPeople(std::initializer_list<core::Role> roles) {
    std::string out;
    std::size_t i = 0;
    for (core::Role role : roles) {
        if (i > 0) out += (i + 1 == roles.size()) ? " or " : ", ";
        out += core::toString(role);
        ++i;
    }
    return out;
}

}  // namespace

std::optional<StaffCaller> requireAnyRole(Request& r, Services& services, std::initializer_list<core::Role> roles) {
    std::optional<StaffCaller> caller;
    const auto authorization = r.header("Authorization");
    if (authorization && Poco::icompare(Poco::trim(*authorization).substr(0, 7), "Bearer ") == 0) {
        caller = bearerCaller(r, services, *authorization);
    } else {
        auto current = requireSignedIn(r, services);
        if (current) caller = StaffCaller{current->session.accountId, false};
    }
    if (!caller) return std::nullopt;
    core::Roles held(services);
    for (core::Role role : roles)
        if (held.has(caller->accountId, role)) return caller;
    sendProblem(r, Error::forbidden("role_required", "This needs the " + rolesForPeople(roles) + " role."));
    return std::nullopt;
}

std::optional<StaffCaller> requireRole(Request& r, Services& services, core::Role role) {
    return requireAnyRole(r, services, {role});
}

}  // namespace tessera::web
