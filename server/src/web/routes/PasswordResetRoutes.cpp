// A forgotten password, without signing in: ask for a code (always 202, whether or not the
// address has an account), then set a new password with it (204; every session ends).
#include <Poco/JSON/Object.h>

#include "core/accounts/PasswordResetService.h"
#include "tessera/shared/ApiFields.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kEmail(field::kEmail), kCode(field::kCode), kPassword(field::kPassword);

void requestReset(Request& r, Services& services) {
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kEmail});
    const std::string email = body->requiredString(kEmail, 1000);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    if (auto requested = core::PasswordResetService(services).request(email, r.clientAddress); !requested)
        return sendProblem(r, requested.error());
    Poco::JSON::Object out;
    out.set(std::string(field::kStatus), "accepted");
    out.set(std::string(field::kMessage),
            "If an account uses this email address, we have sent it a code to reset the password.");
    sendJson(r, 202, out);
}

void confirmReset(Request& r, Services& services) {
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kEmail, kCode, kPassword});
    const std::string email = body->requiredString(kEmail, 1000);
    const std::string code = body->requiredString(kCode, 64);
    const std::string password = body->requiredString(kPassword, 1024);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    if (auto reset = core::PasswordResetService(services).confirm(email, code, password, r.clientAddress); !reset)
        return sendProblem(r, reset.error());
    sendNoContent(r);
}

}  // namespace

void registerPasswordResetRoutes(Router& router, Services& services) {
    router.post("/api/v1/password-resets", [&services](Request& r) { requestReset(r, services); });
    router.post("/api/v1/password-resets/confirm", [&services](Request& r) { confirmReset(r, services); });
}

}  // namespace tessera::web
