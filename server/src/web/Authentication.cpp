#include "web/Authentication.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <algorithm>

#include "core/accounts/DecoySession.h"
#include "core/terms/TermsService.h"
#include "infra/Digest.h"
#include "web/Respond.h"

namespace tessera::web {

namespace {

using core::SessionStage;

bool isSafeMethod(const std::string& method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

// What a session at `stage` has to do before it may use an endpoint that refused it.
std::string nextStepFor(SessionStage stage) {
    switch (stage) {
        case SessionStage::PendingEmail:
            return "Verify your email address first: enter the code we emailed you.";
        case SessionStage::PendingSecondFactorSetup:
            return "Set up two-factor sign-in first: an authenticator app or codes by email.";
        case SessionStage::PendingSecondFactor:
            return "Finish signing in first: enter the code from your authenticator app or email, or a recovery code.";
        case SessionStage::Authenticated:
            return "You are already signed in, so this step is not needed.";
    }
    return "Sign in again.";
}

std::string isoTime(std::int64_t unixSeconds) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

std::string cookieAttributes(const Services& services) {
    return std::string("; Path=/; HttpOnly; SameSite=Lax") + (services.settings.cookieSecure ? "; Secure" : "");
}

std::optional<CurrentSession> refuse(Request& r, const Error& e) {
    sendProblem(r, e);
    return std::nullopt;
}

}  // namespace

std::string sessionCookieName(const Services& services) {
    // The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain: the cookie
    // cannot be set or shadowed by a sibling subdomain.
    return services.settings.cookieSecure ? "__Host-tessera_session" : "tessera_session";
}

std::optional<CurrentSession> requireSession(Request& r, Services& services,
                                             std::initializer_list<core::SessionStage> allowed,
                                             bool allowTermsPending) {
    const auto token = r.cookie(sessionCookieName(services));
    if (!token || token->empty()) return refuse(r, Error::unauthorized("sign_in_required", "Sign in to continue."));

    // Looked up without recording activity: a request refused below must change nothing.
    std::optional<core::Session> session = services.sessions.find(*token, /*touch=*/false);
    bool decoy = false;
    if (!session) {
        // A decoy from registering a taken email (core/accounts/DecoySession.h) must meet the
        // same checks as a real pending session, or the answers here would tell them apart.
        // Handlers that allow PendingEmail recognise it with core::openDecoySession.
        session = core::openDecoySession(services, *token);
        decoy = session.has_value();
    }
    if (!session) {
        clearSessionCookie(r, services);
        return refuse(r, Error::unauthorized("sign_in_required", "Your session has ended; sign in again."));
    }

    if (!isSafeMethod(r.method)) {
        const auto sent = r.header("X-CSRF-Token");
        if (!sent || !infra::digest::constantTimeEquals(*sent, session->csrfToken))
            return refuse(r, Error::forbidden("csrf_failed",
                                              "The request did not carry this session's X-CSRF-Token header; "
                                              "reload the page and try again."));
    }
    if (std::find(allowed.begin(), allowed.end(), session->stage) == allowed.end())
        return refuse(r, Error::forbidden("wrong_stage", nextStepFor(session->stage)));
    if (session->stage == SessionStage::Authenticated && !allowTermsPending &&
        core::TermsService(services).acceptanceRequired(session->accountId))
        return refuse(r, Error::forbidden("terms_acceptance_required",
                                          "The terms have changed: read and accept them (POST "
                                          "/api/v1/accounts/me/terms) before doing anything else."));

    if (!decoy) {
        // Accepted: now record the activity that slides the idle timeout.
        session = services.sessions.find(*token, /*touch=*/true);
        if (!session) return refuse(r, Error::unauthorized("sign_in_required", "Your session has ended; sign in again."));
    }
    return CurrentSession{*session, *token};
}

std::optional<CurrentSession> requireSignedIn(Request& r, Services& services) {
    return requireSession(r, services, {SessionStage::Authenticated});
}

std::optional<CurrentSession> currentSession(const Request& r, Services& services, bool touch) {
    const auto token = r.cookie(sessionCookieName(services));
    if (!token || token->empty()) return std::nullopt;
    auto session = services.sessions.find(*token, touch);
    if (!session) return std::nullopt;
    return CurrentSession{*session, *token};
}

void setSessionCookie(Request& r, const Services& services, const core::NewSession& session) {
    // The browser forgets the cookie when the session reaches its absolute limit anyway.
    const std::int64_t maxAge = std::max<std::int64_t>(0, session.session.expiresAt - services.clock.now());
    r.response.add("Set-Cookie", sessionCookieName(services) + "=" + session.token +
                                     "; Max-Age=" + std::to_string(maxAge) + cookieAttributes(services));
}

void clearSessionCookie(Request& r, const Services& services) {
    r.response.add("Set-Cookie", sessionCookieName(services) + "=; Max-Age=0" + cookieAttributes(services));
}

Poco::JSON::Object sessionJson(const core::Session& s, bool current) {
    Poco::JSON::Object o;
    o.set("id", s.publicId);
    o.set("stage", core::toString(s.stage));
    o.set("createdAt", isoTime(s.createdAt));
    o.set("lastSeenAt", isoTime(s.lastSeenAt));
    o.set("expiresAt", isoTime(s.expiresAt));
    if (s.authTime > 0) o.set("authTime", isoTime(s.authTime));
    o.set("current", current);
    // Only the session's own holder may learn its CSRF token.
    if (current) o.set("csrfToken", s.csrfToken);
    return o;
}

}  // namespace tessera::web
