#pragma once
// The page templates: every resources/web/templates/**/*.mustache, read once at start-up and
// rendered with kainjow mustache (HTML-escaped by default). A template is named by its path
// below the folder without the extension ("layout", "pages/sign-in", "partials/input"), and
// every template can be included in another as a partial: {{> partials/input}}.
#include <map>
#include <string>
#include <vector>

#include "tessera/shared/Result.h"
#include "web/portal/PageData.h"

namespace tessera::web::portal {

class Templates {
public:
    // Reads and parses every template; an unreadable or malformed one is an error.
    static Result<Templates> load(const std::string& folder);
    // For tests: templates given as name -> source.
    static Result<Templates> fromSources(std::map<std::string, std::string> sources);

    bool has(const std::string& name) const { return sources_.count(name) > 0; }
    std::vector<std::string> names() const;
    const std::string& source(const std::string& name) const;

    // Renders `name` with `data`. Errors: unknown template, or a render failure.
    Result<std::string> render(const std::string& name, const PageData& data) const;

private:
    std::map<std::string, std::string> sources_;
};

}  // namespace tessera::web::portal
