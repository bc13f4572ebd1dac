#include "web/portal/Portal.h"

#include <Poco/Logger.h>

#include "web/portal/Language.h"
#include "web/portal/PageResponse.h"

namespace tessera::web::portal {

Portal::Portal(Services& services, const Router& router, Templates templates, Messages messages, Branding branding)
    : services_(services), router_(router), templates_(std::move(templates)), messages_(std::move(messages)),
      branding_(std::move(branding)), csp_(pageContentSecurityPolicy(branding_.logoImageSource())) {}

Result<std::shared_ptr<Portal>> Portal::create(Services& services, const Router& router) {
    const auto& settings = services.settings;
    const std::string web = settings.resourcesDir + "/web";
    auto templates = Templates::load(web + "/templates");
    if (!templates) return templates.error();
    auto messages = Messages::load(web + "/i18n");
    if (!messages) return messages.error();
    for (const auto& language : portalLanguages())
        if (!messages->has(std::string(language.code), "common.skip_link"))
            return Error::unavailable("catalogue_missing", "There is no " + std::string(language.code) +
                                                               " message catalogue in " + web + "/i18n.");

    Branding branding = Branding::from(settings);
    auto brandCss = templates->render("assets/brand.css", branding.data());
    if (!brandCss) return brandCss.error();

    std::shared_ptr<Portal> portal(
        new Portal(services, router, std::move(*templates), std::move(*messages), std::move(branding)));
    const std::string govuk = settings.webAssetsDir.empty() ? infra::defaultWebAssetsDir() : settings.webAssetsDir;
    portal->assets_ = std::make_unique<Assets>(govuk, web + "/assets", *brandCss);
    if (!portal->assets_->govukAvailable())
        Poco::Logger::get("tessera.portal")
            .warning("govuk-frontend is not in " + govuk +
                     " (run `npm ci` in the checkout, or set TESSERA_WEB_ASSETS_DIR): pages will be unstyled.");
    return portal;
}

bool Portal::hasPage(const std::string& path) const { return router_.match("GET", path).handler != nullptr; }

}  // namespace tessera::web::portal
