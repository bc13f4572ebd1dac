#pragma once
// A submitted HTML form: an application/x-www-form-urlencoded body (the HTTP server has
// already refused bodies over its size limit), with repeated fields kept in order.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/Request.h"

namespace tessera::web::portal {

class FormFields {
public:
    static constexpr std::size_t kMaxFields = 200;

    // The request's body when it is urlencoded; any other body (or none) reads as an empty
    // form, which then fails its CSRF check like any forged post.
    static FormFields fromRequest(const Request& r);
    // Parses "a=1&b=x+y&b=%C3%A9". Malformed escapes are kept literally; fields beyond
    // kMaxFields are dropped.
    static FormFields parse(std::string_view body);

    // The first value of `name`, or "" when absent.
    std::string value(const std::string& name) const;
    // Every value of `name`, in order (checkboxes, multi-selects).
    std::vector<std::string> values(const std::string& name) const;
    bool has(const std::string& name) const;
    const std::vector<std::pair<std::string, std::string>>& all() const { return fields_; }

private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

// Percent-decoding with '+' as a space, as HTML forms encode.
std::string formDecode(std::string_view text);
// The reverse, for building query strings (next=/account%3Fx%3D1).
std::string formEncode(std::string_view text);

}  // namespace tessera::web::portal
