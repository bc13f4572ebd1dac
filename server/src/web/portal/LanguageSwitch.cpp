#include "web/portal/LanguageSwitch.h"

#include <Poco/URI.h>

#include "web/portal/Form.h"
#include "web/portal/Language.h"
#include "web/portal/PageResponse.h"

namespace tessera::web::portal {

bool handleLanguageSwitch(Request& r, const Services& services) {
    if (r.method != "GET" && r.method != "HEAD") return false;
    const auto chosen = r.queryParam(kLanguageParameter);
    if (!chosen) return false;

    if (isPortalLanguage(*chosen))
        r.response.add("Set-Cookie", std::string(kLanguageCookie) + "=" + *chosen +
                                         "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax" +
                                         (services.settings.cookieSecure ? "; Secure" : ""));
    std::string target;
    Poco::URI::encode(r.path, "?#", target);
    std::string query;
    const FormFields parameters = FormFields::parse(r.query);
    for (const auto& [name, value] : parameters.all())
        if (name != kLanguageParameter) query += (query.empty() ? "" : "&") + formEncode(name) + "=" + formEncode(value);
    if (!query.empty()) target += "?" + query;
    redirectTo(r, target);
    return true;
}

}  // namespace tessera::web::portal
