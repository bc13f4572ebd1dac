#include "server/web/portal/PortalClient.h"

#include <regex>
#include <stdexcept>

#include "web/portal/Form.h"

namespace tessera::test {

std::string urlEncodedForm(const FormBody& fields) {
    std::string out;
    for (const auto& [name, value] : fields)
        out += (out.empty() ? "" : "&") + web::portal::formEncode(name) + "=" + web::portal::formEncode(value);
    return out;
}

std::string csrfFieldIn(const std::string& html) {
    static const std::regex field(R"re(name="csrf" value="([^"]*)")re");
    std::smatch m;
    return std::regex_search(html, m, field) ? m[1].str() : std::string();
}

void PortalClient::remember(const ApiResponse& page) {
    if (auto token = csrfFieldIn(page.body); !token.empty()) csrf_ = token;
}

ApiResponse PortalClient::get(const std::string& path, const std::map<std::string, std::string>& headers) {
    auto page = api_.request("GET", path, "", "", headers);
    remember(page);
    return page;
}

ApiResponse PortalClient::post(const std::string& path, const FormBody& fields) {
    auto page = api_.request("POST", path, urlEncodedForm(fields), "application/x-www-form-urlencoded");
    remember(page);
    return page;
}

ApiResponse PortalClient::submit(const std::string& path, FormBody fields) {
    fields.emplace_back("csrf", csrf_);
    return post(path, fields);
}

ApiResponse PortalClient::follow(const ApiResponse& redirect) {
    const std::string location = redirect.header("Location");
    if (location.empty()) throw std::runtime_error("not a redirect (status " + std::to_string(redirect.status) + ")");
    return get(location);
}

}  // namespace tessera::test
