#include "web/portal/PortalRouter.h"

#include <Poco/Logger.h>

#include "web/portal/LanguageSwitch.h"

namespace tessera::web::portal {

void PortalRouter::get(const std::string& pattern, PageHandler handler) { router_.get(pattern, wrap(std::move(handler))); }

void PortalRouter::post(const std::string& pattern, PageHandler handler) {
    router_.post(pattern, wrap(std::move(handler)));
}

void PortalRouter::post(const std::string& pattern, PageHandler handler, std::size_t maxBodyBytes) {
    router_.add("POST", pattern, wrap(std::move(handler)), maxBodyBytes);
}

Handler PortalRouter::wrap(PageHandler handler) const {
    return [portal = portal_, handler = std::move(handler)](Request& r) {
        if (handleLanguageSwitch(r, portal->services())) return;
        try {
            Page page(*portal, r);
            handler(page);
        } catch (const std::exception& e) {
            std::string what = e.what();
            if (auto* pe = dynamic_cast<const Poco::Exception*>(&e)) what = pe->displayText();
            Poco::Logger::get("tessera.portal").error("page " + r.path + " failed (request " + r.requestId + "): " + what);
            if (r.response.sent()) return;
            // If even the error page fails, the HTTP server answers with a problem.
            Page errorPage(*portal, r);
            errorPage.renderError(500);
        }
    };
}

}  // namespace tessera::web::portal
