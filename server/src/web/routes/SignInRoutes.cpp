// Signing in over the API: the password (POST /api/v1/sessions), then the second factor
// (POST /api/v1/sessions/second-factor), each answered with the session and its cookie.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/auth/SignInService.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authentication.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kEmail(field::kEmail), kPassword(field::kPassword), kCode(field::kCode),
    kRecoveryCode(field::kRecoveryCode);

// A refusal, with Retry-After when the throttle said how long to wait.
void refuse(Request& r, const core::SignInService& signIn, const Error& e) {
    if (e.kind == ErrorKind::TooManyRequests && signIn.retryAfterSeconds() > 0)
        r.response.set("Retry-After", std::to_string(signIn.retryAfterSeconds()));
    sendProblem(r, e);
}

void signInWithPassword(Request& r, Services& services) {
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kEmail, kPassword});
    core::PasswordSignIn attempt;
    attempt.email = body->requiredString(kEmail, 320);
    attempt.password = body->requiredString(kPassword, 1024);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    attempt.clientAddress = r.clientAddress;
    attempt.userAgent = r.header("User-Agent").value_or("");

    core::SignInService signIn(services);
    auto progress = signIn.withPassword(attempt);
    if (!progress) return refuse(r, signIn, progress.error());
    setSessionCookie(r, services, progress->session);
    Poco::JSON::Object out;
    out.set(std::string(field::kNext), progress->next);
    Poco::JSON::Array methods;
    for (const auto& m : progress->methods) methods.add(m);
    out.set(std::string(field::kMethods), methods);
    out.set("session", sessionJson(progress->session.session, true));
    sendJson(r, 200, out);
}

void signInWithSecondFactor(Request& r, Services& services) {
    auto current = requireSession(r, services, {core::SessionStage::PendingSecondFactor});
    if (!current) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kCode, kRecoveryCode});
    core::SecondFactorProof proof;
    proof.code = body->optionalString(kCode, 64).value_or("");
    proof.recoveryCode = body->optionalString(kRecoveryCode, 64).value_or("");
    if (proof.code.empty() && proof.recoveryCode.empty())
        body->addError(kCode, "required", "Enter the code from your authenticator app or email, or a recovery code.");
    if (!proof.code.empty() && !proof.recoveryCode.empty())
        body->addError(kRecoveryCode, "conflicting", "Give either a code or a recovery code, not both.");
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());

    core::SignInService signIn(services);
    auto signedIn = signIn.withSecondFactor({current->session, current->token, r.clientAddress}, proof);
    if (!signedIn) return refuse(r, signIn, signedIn.error());
    setSessionCookie(r, services, *signedIn);
    Poco::JSON::Object out;
    out.set("session", sessionJson(signedIn->session, true));
    sendJson(r, 200, out);
}

}  // namespace

void registerSignInRoutes(Router& router, Services& services) {
    router.post("/api/v1/sessions", [&services](Request& r) { signInWithPassword(r, services); });
    router.post("/api/v1/sessions/second-factor", [&services](Request& r) { signInWithSecondFactor(r, services); });
}

}  // namespace tessera::web
