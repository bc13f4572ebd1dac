#pragma once
// Registers pages: like Router, but a handler receives a Page (language, session, CSRF,
// rendering) instead of a bare Request, and every page also
//  - answers a language link (?lang=fr) by setting the choice and redirecting back;
//  - turns an unexpected exception into an HTML error page (500) with a reference, logged.
#include <functional>
#include <memory>
#include <string>

#include "web/Router.h"
#include "web/portal/Page.h"
#include "web/portal/Portal.h"

namespace tessera::web::portal {

using PageHandler = std::function<void(Page&)>;

class PortalRouter {
public:
    PortalRouter(Router& router, std::shared_ptr<const Portal> portal) : router_(router), portal_(std::move(portal)) {}

    void get(const std::string& pattern, PageHandler handler);
    void post(const std::string& pattern, PageHandler handler);
    // A post that takes a larger body than the server's default (a form that uploads files):
    // anything over `maxBodyBytes` is refused before it is read.
    void post(const std::string& pattern, PageHandler handler, std::size_t maxBodyBytes);
    const Portal& portal() const { return *portal_; }
    Router& router() { return router_; }

private:
    Handler wrap(PageHandler handler) const;

    Router& router_;
    std::shared_ptr<const Portal> portal_;
};

}  // namespace tessera::web::portal
