// Creating an account and proving its email: POST /api/v1/accounts, then
// POST /api/v1/accounts/me/email/verify {code} (or .../email/resend for a new code).
// A decoy session (a taken email, core/accounts/DecoySession.h) passes requireSession like a
// real pending one; these handlers answer it through the same service so both read alike.
#include <Poco/JSON/Object.h>

#include "core/accounts/DecoySession.h"
#include "core/accounts/EmailVerificationService.h"
#include "core/accounts/RegistrationService.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authentication.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kName(field::kName), kEmail(field::kEmail), kPassword(field::kPassword),
    kLanguage(field::kLanguage), kAcceptTerms(field::kAcceptTerms), kConsent(field::kConsent), kCode(field::kCode);

Poco::JSON::Object accountSummary(const std::string& id, core::AccountStatus status, const std::string& email) {
    Poco::JSON::Object o;
    o.set(std::string(field::kId), id);
    o.set(std::string(field::kStatus), core::toString(status));
    o.set(std::string(field::kEmail), email);
    return o;
}

void sendAccountAndSession(Request& r, Services& services, int status, Poco::JSON::Object account,
                           const core::NewSession& session) {
    setSessionCookie(r, services, session);
    Poco::JSON::Object out;
    out.set("account", account);
    out.set("session", sessionJson(session.session, true));
    sendJson(r, status, out);
}

void createAccount(Request& r, Services& services) {
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kName, kEmail, kPassword, kLanguage, kAcceptTerms, kConsent});
    core::RegistrationForm form;
    // Byte limits well above what the validators accept, so they explain the real limits.
    form.name = body->requiredString(kName, 1000);
    form.email = body->requiredString(kEmail, 1000);
    form.password = body->requiredString(kPassword, 1024);
    form.language = body->optionalString(kLanguage, 64).value_or("en");
    form.acceptTerms = body->requiredStringArray(kAcceptTerms, 10);
    form.consent = body->requiredBool(kConsent);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());

    auto registered = core::RegistrationService(services).create(form, r.clientAddress,
                                                                  r.header("User-Agent").value_or(""));
    if (!registered) return sendProblem(r, registered.error());
    // The same Location whether the account is new or a decoy: "me" names the session's account.
    r.response.set("Location", "/api/v1/accounts/me");
    sendAccountAndSession(r, services, 201, accountSummary(registered->accountId, registered->status, registered->email),
                          registered->session);
}

void verifyEmail(Request& r, Services& services) {
    auto current = requireSession(r, services, {core::SessionStage::PendingEmail});
    if (!current) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kCode});
    const std::string code = body->requiredString(kCode, 64);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());

    core::EmailVerificationService verification(services);
    if (auto decoy = core::openDecoySession(services, current->token))
        return sendProblem(r, verification.verifyDecoy(*decoy, code));
    auto verified = verification.verify(current->token, current->session.accountId, code, r.clientAddress);
    if (!verified) return sendProblem(r, verified.error());
    const core::Account& a = verified->account;
    sendAccountAndSession(r, services, 200, accountSummary(a.id, a.status, a.email), verified->session);
}

void resendEmailCode(Request& r, Services& services) {
    auto current = requireSession(r, services, {core::SessionStage::PendingEmail});
    if (!current) return;
    if (!r.body.empty()) {  // no body, or an empty JSON object
        auto body = JsonBody::parse(r);
        if (!body) return sendProblem(r, body.error());
        body->rejectUnknown({});
        if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    }
    core::EmailVerificationService verification(services);
    auto decoy = core::openDecoySession(services, current->token);
    Status sent = decoy ? verification.resendDecoy(*decoy) : verification.resend(current->session.accountId);
    if (!sent) return sendProblem(r, sent.error());
    Poco::JSON::Object out;
    out.set(std::string(field::kStatus), "code_sent");
    sendJson(r, 202, out);
}

}  // namespace

void registerAccountRoutes(Router& router, Services& services) {
    router.post("/api/v1/accounts", [&services](Request& r) { createAccount(r, services); });
    router.post("/api/v1/accounts/me/email/verify", [&services](Request& r) { verifyEmail(r, services); });
    router.post("/api/v1/accounts/me/email/resend", [&services](Request& r) { resendEmailCode(r, services); });
}

}  // namespace tessera::web
