#include "web/portal/PortalAuth.h"

#include <algorithm>

#include "core/terms/TermsService.h"
#include "web/portal/Form.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalPaths.h"

namespace tessera::web::portal {

std::string withNext(const std::string& path, const std::optional<std::string>& returnPath) {
    if (!returnPath) return path;
    auto safe = safeReturnPath(*returnPath);
    if (!safe || *safe == paths::kAccount) return path;
    return path + (path.find('?') == std::string::npos ? "?" : "&") + "next=" + formEncode(*safe);
}

std::string signInPathReturningTo(const std::string& returnPath) { return withNext(paths::kSignIn, returnPath); }

std::optional<CurrentSession> requireSignedInPage(Request& r, Services& services, bool allowTermsPending) {
    auto current = currentSession(r, services, /*touch=*/false);
    if (!current || current->session.stage != core::SessionStage::Authenticated) {
        redirectTo(r, signInPathReturningTo(currentPathAndQuery(r)));
        return std::nullopt;
    }
    if (!allowTermsPending && core::TermsService(services).acceptanceRequired(current->session.accountId)) {
        redirectTo(r, withNext(paths::kAcceptTerms, currentPathAndQuery(r)));
        return std::nullopt;
    }
    // Accepted: now record the activity that slides the idle timeout.
    current = currentSession(r, services, /*touch=*/true);
    if (!current) redirectTo(r, signInPathReturningTo(currentPathAndQuery(r)));
    return current;
}

std::optional<CurrentSession> requirePageStage(Request& r, Services& services,
                                               std::initializer_list<core::SessionStage> stages,
                                               const std::string& otherwise) {
    auto current = currentSession(r, services, /*touch=*/true);
    if (!current || std::find(stages.begin(), stages.end(), current->session.stage) == stages.end()) {
        redirectTo(r, otherwise);
        return std::nullopt;
    }
    return current;
}

}  // namespace tessera::web::portal
