#pragma once
// What every page shares, built once at start-up: the templates, the message catalogues,
// the static assets, the branding and the page CSP, plus the core services.
#include <memory>
#include <string>

#include "tessera/shared/Result.h"
#include "web/Router.h"
#include "web/Services.h"
#include "web/portal/Assets.h"
#include "web/portal/Branding.h"
#include "web/portal/Messages.h"
#include "web/portal/Templates.h"

namespace tessera::web::portal {

class Portal {
public:
    // Reads resources/web/{templates,i18n,assets} and govuk-frontend (settings.webAssetsDir).
    // Missing templates or catalogues are errors; missing govuk-frontend only a warning.
    // `router` answers hasPage(); it must outlive the portal (it owns it, through its routes).
    static Result<std::shared_ptr<Portal>> create(Services& services, const Router& router);

    Services& services() const { return services_; }
    const Templates& templates() const { return templates_; }
    const Messages& messages() const { return messages_; }
    const Assets& assets() const { return *assets_; }
    const Branding& branding() const { return branding_; }
    const std::string& contentSecurityPolicy() const { return csp_; }
    // Whether a page answers GET at `path` (so links to pages not built yet are left out).
    bool hasPage(const std::string& path) const;

private:
    Portal(Services& services, const Router& router, Templates templates, Messages messages, Branding branding);

    Services& services_;
    const Router& router_;
    Templates templates_;
    Messages messages_;
    Branding branding_;
    std::unique_ptr<Assets> assets_;
    std::string csp_;
};

}  // namespace tessera::web::portal
