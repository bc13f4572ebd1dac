// A citizen's sessions: list them, sign out here, sign out everywhere, end one elsewhere.
// Open even while new terms await acceptance: ending a session must never wait on that.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/sessions/SessionService.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authentication.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

std::optional<core::Caller> signedInCaller(Request& r, Services& services) {
    auto current = requireSession(r, services, {core::SessionStage::Authenticated}, /*allowTermsPending=*/true);
    if (!current) return std::nullopt;
    return core::Caller{current->session, current->token, r.clientAddress};
}

void listSessions(Request& r, Services& services) {
    auto caller = signedInCaller(r, services);
    if (!caller) return;
    Poco::JSON::Array items;
    for (const auto& listed : core::SessionService(services).listMine(*caller))
        items.add(sessionJson(listed.session, listed.current));
    Poco::JSON::Object out;
    out.set(std::string(field::kItems), items);
    out.set(std::string(field::kNext), Poco::Dynamic::Var());  // every session fits on one page
    sendJson(r, 200, out);
}

void signOutEverywhere(Request& r, Services& services) {
    auto caller = signedInCaller(r, services);
    if (!caller) return;
    auto ended = core::SessionService(services).endEverywhere(*caller);
    if (!ended) return sendProblem(r, ended.error());
    clearSessionCookie(r, services);
    sendNoContent(r);
}

void signOut(Request& r, Services& services) {
    auto caller = signedInCaller(r, services);
    if (!caller) return;
    if (auto ended = core::SessionService(services).signOut(*caller); !ended) return sendProblem(r, ended.error());
    clearSessionCookie(r, services);
    sendNoContent(r);
}

void endSession(Request& r, Services& services) {
    auto caller = signedInCaller(r, services);
    if (!caller) return;
    const std::string id = r.param("id");
    if (auto ended = core::SessionService(services).endOne(*caller, id); !ended) return sendProblem(r, ended.error());
    if (id == caller->session.publicId) clearSessionCookie(r, services);
    sendNoContent(r);
}

}  // namespace

void registerSessionRoutes(Router& router, Services& services) {
    router.get("/api/v1/sessions", [&services](Request& r) { listSessions(r, services); });
    router.del("/api/v1/sessions", [&services](Request& r) { signOutEverywhere(r, services); });
    // Before /{id}: the first matching route wins.
    router.del("/api/v1/sessions/current", [&services](Request& r) { signOut(r, services); });
    router.del("/api/v1/sessions/{id}", [&services](Request& r) { endSession(r, services); });
}

}  // namespace tessera::web
