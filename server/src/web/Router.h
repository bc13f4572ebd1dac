#pragma once
// Routes a method and path to a handler. Patterns are literal segments and {name}
// parameters ("/api/v1/sessions/{id}"). A known path with the wrong method answers 405
// with Allow; an unknown path 404.
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "web/Request.h"

namespace tessera::web {

using Handler = std::function<void(Request&)>;

class Router {
public:
    void add(const std::string& method, const std::string& pattern, Handler handler);
    // A route that takes larger bodies than the server's default (uploads): `maxBodyBytes`
    // replaces the default for this route only; anything larger is refused before it is read.
    void add(const std::string& method, const std::string& pattern, Handler handler, std::size_t maxBodyBytes);
    void get(const std::string& p, Handler h) { add("GET", p, std::move(h)); }
    void post(const std::string& p, Handler h) { add("POST", p, std::move(h)); }
    void patch(const std::string& p, Handler h) { add("PATCH", p, std::move(h)); }
    void put(const std::string& p, Handler h) { add("PUT", p, std::move(h)); }
    void del(const std::string& p, Handler h) { add("DELETE", p, std::move(h)); }

    struct Match {
        const Handler* handler = nullptr;  // null: no route for this method
        std::map<std::string, std::string> params;
        std::vector<std::string> allowed;  // methods the path accepts (for 405)
        std::size_t maxBodyBytes = 0;      // 0: the server's default limit
    };
    Match match(const std::string& method, const std::string& path) const;

    // Every registered (method, pattern) in registration order, patterns as written
    // ("/api/v1/sessions/{id}"): what the OpenAPI document is checked against.
    std::vector<std::pair<std::string, std::string>> routes() const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
        std::size_t maxBodyBytes = 0;
    };
    static std::vector<std::string> split(const std::string& path);
    std::vector<Route> routes_;
};

}  // namespace tessera::web
