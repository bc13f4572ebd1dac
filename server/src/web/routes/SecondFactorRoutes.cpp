// Two-factor set-up under /api/v1/accounts/me/2fa: an authenticator app (totp) or codes by
// email, each started then confirmed with a code; and fresh recovery codes. Confirming
// during sign-up signs the citizen in (new session cookie) and shows the recovery codes once.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/auth/SecondFactorService.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authentication.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

using core::SessionStage;

const std::string kCode(field::kCode);

// Set-up is for the set-up stage, or for a signed-in citizen changing method.
std::optional<core::Caller> enrollingCaller(Request& r, Services& services) {
    auto current = requireSession(r, services, {SessionStage::PendingSecondFactorSetup, SessionStage::Authenticated});
    if (!current) return std::nullopt;
    return core::Caller{current->session, current->token, r.clientAddress};
}

// Endpoints that take no input accept an empty body or "{}", and nothing else.
bool bodyHasNoFields(Request& r) {
    if (r.body.empty()) return true;
    auto body = JsonBody::parse(r);
    if (!body) {
        sendProblem(r, body.error());
        return false;
    }
    body->rejectUnknown({});
    if (auto valid = body->status(); !valid) {
        sendProblem(r, valid.error());
        return false;
    }
    return true;
}

std::optional<std::string> requiredCode(Request& r) {
    auto body = JsonBody::parse(r);
    if (!body) {
        sendProblem(r, body.error());
        return std::nullopt;
    }
    body->rejectUnknown({kCode});
    std::string code = body->requiredString(kCode, 64);
    if (auto valid = body->status(); !valid) {
        sendProblem(r, valid.error());
        return std::nullopt;
    }
    return code;
}

Poco::JSON::Array codesJson(const std::vector<std::string>& codes) {
    Poco::JSON::Array a;
    for (const auto& c : codes) a.add(c);
    return a;
}

// {recoveryCodes, session}; a new cookie when set-up signed the citizen in.
void sendEnrolled(Request& r, Services& services, const core::Caller& caller, const core::SecondFactorEnrolled& done) {
    if (done.signedIn) setSessionCookie(r, services, *done.signedIn);
    Poco::JSON::Object out;
    out.set(std::string(field::kRecoveryCodes), codesJson(done.recoveryCodes));
    out.set("session", sessionJson(done.signedIn ? done.signedIn->session : caller.session, true));
    sendJson(r, 200, out);
}

void startTotp(Request& r, Services& services) {
    auto caller = enrollingCaller(r, services);
    if (!caller || !bodyHasNoFields(r)) return;
    auto started = core::SecondFactorService(services).startTotp(*caller);
    respond(r, started, 200, [](const core::TotpEnrolment& e) {
        Poco::JSON::Object out;
        out.set(std::string(field::kSecret), e.secret);
        out.set(std::string(field::kOtpauthUri), e.otpauthUri);
        out.set(std::string(field::kQrSvg), e.qrSvg);
        return out;
    });
}

void confirmTotp(Request& r, Services& services) {
    auto caller = enrollingCaller(r, services);
    if (!caller) return;
    auto code = requiredCode(r);
    if (!code) return;
    auto done = core::SecondFactorService(services).confirmTotp(*caller, *code);
    if (!done) return sendProblem(r, done.error());
    sendEnrolled(r, services, *caller, *done);
}

void startEmail(Request& r, Services& services) {
    auto caller = enrollingCaller(r, services);
    if (!caller || !bodyHasNoFields(r)) return;
    if (auto sent = core::SecondFactorService(services).startEmail(*caller); !sent) return sendProblem(r, sent.error());
    sendNoContent(r);
}

void confirmEmail(Request& r, Services& services) {
    auto caller = enrollingCaller(r, services);
    if (!caller) return;
    auto code = requiredCode(r);
    if (!code) return;
    auto done = core::SecondFactorService(services).confirmEmail(*caller, *code);
    if (!done) return sendProblem(r, done.error());
    sendEnrolled(r, services, *caller, *done);
}

void regenerateRecoveryCodes(Request& r, Services& services) {
    auto current = requireSignedIn(r, services);
    if (!current || !bodyHasNoFields(r)) return;
    auto codes = core::SecondFactorService(services).regenerateRecoveryCodes(
        {current->session, current->token, r.clientAddress});
    respond(r, codes, 200, [](const std::vector<std::string>& c) {
        Poco::JSON::Object out;
        out.set(std::string(field::kRecoveryCodes), codesJson(c));
        return out;
    });
}

}  // namespace

void registerSecondFactorRoutes(Router& router, Services& services) {
    const std::string base = "/api/v1/accounts/me/2fa";
    router.post(base + "/totp", [&services](Request& r) { startTotp(r, services); });
    router.post(base + "/totp/confirm", [&services](Request& r) { confirmTotp(r, services); });
    router.post(base + "/email", [&services](Request& r) { startEmail(r, services); });
    router.post(base + "/email/confirm", [&services](Request& r) { confirmEmail(r, services); });
    router.post(base + "/recovery-codes", [&services](Request& r) { regenerateRecoveryCodes(r, services); });
}

}  // namespace tessera::web
