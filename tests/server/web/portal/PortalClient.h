#pragma once
// A browser for portal tests, on top of ApiClient (which keeps cookies): GET a page, post a
// form as application/x-www-form-urlencoded with the CSRF token the last page carried, and
// read what came back. Redirects are not followed, so tests see each 303 and its Location.
#include <string>
#include <utility>
#include <vector>

#include "support/ApiClient.h"

namespace tessera::test {

using FormBody = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x%20y" from name/value pairs.
std::string urlEncodedForm(const FormBody& fields);
// The value of the hidden "csrf" field in a page, or "" when it has none.
std::string csrfFieldIn(const std::string& html);

class PortalClient {
public:
    explicit PortalClient(int port) : api_(port) {}

    // GET; remembers the page's CSRF field (if any) for the next submit().
    ApiResponse get(const std::string& path, const std::map<std::string, std::string>& headers = {});
    // POST exactly these fields (no CSRF added).
    ApiResponse post(const std::string& path, const FormBody& fields);
    // POST these fields plus csrf=<the token of the last page seen>.
    ApiResponse submit(const std::string& path, FormBody fields);
    // GET the Location of a redirect.
    ApiResponse follow(const ApiResponse& redirect);

    const std::string& lastCsrf() const { return csrf_; }
    ApiClient& api() { return api_; }

private:
    void remember(const ApiResponse& page);

    ApiClient api_;
    std::string csrf_;
};

}  // namespace tessera::test
