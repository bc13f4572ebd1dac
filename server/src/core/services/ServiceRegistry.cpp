#include "core/services/ServiceRegistry.h"

#include <Poco/NumberParser.h>

#include "core/services/ClientSecret.h"
#include "core/services/ServiceValidator.h"
#include "core/services/WorkstationClient.h"
#include "infra/Encoding.h"
#include "infra/Random.h"

namespace tessera::core {

namespace {

// client_id: public, URL-safe, 128 random bits.
std::string newClientId() { return infra::random::token(16); }

std::string encodeCursor(const Service& last) {
    return infra::encoding::base64url(std::to_string(last.createdAt) + ":" + last.id);
}

std::optional<ServiceCursor> decodeCursor(const std::string& cursor) {
    auto text = infra::encoding::unbase64url(cursor);
    if (!text) return std::nullopt;
    const auto colon = text->find(':');
    if (colon == std::string::npos || colon + 1 >= text->size()) return std::nullopt;
    ServiceCursor c;
    Poco::Int64 createdAt = 0;
    if (!Poco::NumberParser::tryParse64(text->substr(0, colon), createdAt)) return std::nullopt;
    c.createdAt = createdAt;
    c.id = text->substr(colon + 1);
    return c;
}

Error notFound() { return Error::notFound("service_not_found", "There is no service with that id."); }

}  // namespace

Status ServiceRegistry::audit(Poco::Data::Session& s, const std::string& event, const Service& service,
                              const Actor& actor, std::map<std::string, std::string> details) {
    details["clientId"] = service.clientId;
    return ctx_.audit.append(s, {event, actor.accountId, service.id, actor.clientAddress, std::move(details)});
}

Result<ServiceWithSecret> ServiceRegistry::create(const ServiceChanges& changes, const Actor& actor) {
    ServiceWithSecret out;
    Service& s = out.service;
    s.id = infra::random::id();
    s.clientId = newClientId();
    s.grantTypes = {"authorization_code", "refresh_token"};
    s.allowedScopes = {"openid"};
    applyChanges(s, changes);
    if (auto valid = validateService(s); !valid) return valid.error();
    if (auto staff = checkStaffScope(s, ctx_.settings); !staff) return staff.error();
    if (auto sector = checkSectorIdentifier(sectors_.get(), s); !sector) return sector.error();

    const std::int64_t now = ctx_.clock.now();
    s.createdAt = s.updatedAt = now;
    s.version = 1;
    if (s.isConfidential() && s.usesSecret()) {
        out.clientSecret = client_secret::generate();
        s.secretHash = client_secret::hash(out.clientSecret);
        s.secretRotatedAt = now;
    }
    auto written = ctx_.db.transaction<void>([&](Poco::Data::Session& session) -> Status {
        if (auto r = store_.insert(session, s); !r) return r;
        return audit(session, "service.created", s, actor, {{"name", s.name}});
    });
    if (!written) return written.error();
    return out;
}

Result<Service> ServiceRegistry::get(const std::string& id) {
    auto found = store_.findById(id);
    if (!found) return notFound();
    return *found;
}

std::optional<Service> ServiceRegistry::findByClientId(const std::string& clientId) {
    return store_.findByClientId(clientId);
}

Result<ServicePage> ServiceRegistry::list(std::size_t limit, const std::string& after) {
    if (limit < 1 || limit > kMaxPageSize)
        return Error::field("limit", "out_of_range", "Must be from 1 to " + std::to_string(kMaxPageSize) + ".");
    std::optional<ServiceCursor> cursor;
    if (!after.empty()) {
        cursor = decodeCursor(after);
        if (!cursor) return Error::field("after", "bad_cursor", "Use the `next` value of the previous page.");
    }
    // One more than asked tells whether another page follows.
    ServicePage page;
    page.items = store_.list(limit + 1, cursor);
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.next = encodeCursor(page.items.back());
    }
    return page;
}

Result<Service> ServiceRegistry::update(const std::string& id, const ServiceChanges& changes,
                                        std::int64_t expectedVersion, const Actor& actor) {
    // The sector file is fetched (up to seconds) before the transaction, not inside it. The
    // version check in the transaction guarantees the stored service is still the one checked.
    const auto changed = [&](const Service& before) -> Result<Service> {
        if (before.version != expectedVersion)
            return Error::conflict("version_mismatch",
                                   "The service was changed since you read it (now version " +
                                       std::to_string(before.version) + "); fetch it again and repeat your change.");
        Service s = before;
        applyChanges(s, changes);
        if (!s.isConfidential() || !s.usesSecret()) s.secretHash.clear();
        if (auto valid = validateService(s); !valid) return valid.error();
        if (auto staff = checkStaffScope(s, ctx_.settings); !staff) return staff.error();
        return s;
    };
    {
        auto found = store_.findById(id);
        if (!found) return notFound();
        auto s = changed(*found);
        if (!s) return s.error();
        const bool sectorTouched =
            s->sectorIdentifier != found->sectorIdentifier || s->redirectUris != found->redirectUris;
        if (auto sector = sectorTouched ? checkSectorIdentifier(sectors_.get(), *s) : Status{}; !sector)
            return sector.error();
    }
    return ctx_.db.transaction<Service>([&](Poco::Data::Session& session) -> Result<Service> {
        auto found = store_.findById(session, id);
        if (!found) return notFound();
        auto checked = changed(*found);
        if (!checked) return checked.error();
        Service& s = *checked;
        if (auto r = store_.update(session, s, ctx_.clock.now()); !r) return r.error();
        if (auto r = audit(session, "service.updated", s, actor, {{"fields", changes.fieldNames()}}); !r)
            return r.error();
        return s;
    });
}

Result<Service> ServiceRegistry::disable(const std::string& id, const Actor& actor) {
    return ctx_.db.transaction<Service>([&](Poco::Data::Session& session) -> Result<Service> {
        auto found = store_.findById(session, id);
        if (!found) return notFound();
        Service s = *found;
        if (s.disabled) return s;
        s.disabled = true;
        if (auto r = store_.update(session, s, ctx_.clock.now()); !r) return r.error();
        if (auto r = audit(session, "service.disabled", s, actor); !r) return r.error();
        return s;
    });
}

Result<ServiceWithSecret> ServiceRegistry::rotateSecret(const std::string& id, const Actor& actor) {
    return ctx_.db.transaction<ServiceWithSecret>([&](Poco::Data::Session& session) -> Result<ServiceWithSecret> {
        auto found = store_.findById(session, id);
        if (!found) return notFound();
        ServiceWithSecret out{*found, client_secret::generate()};
        Service& s = out.service;
        if (!s.isConfidential() || !s.usesSecret())
            return Error::conflict("no_secret", "This service authenticates with " + s.tokenEndpointAuthMethod +
                                                    ", not a client secret.");
        const std::int64_t now = ctx_.clock.now();
        s.secretHash = client_secret::hash(out.clientSecret);
        s.secretRotatedAt = now;
        if (auto r = store_.update(session, s, now); !r) return r.error();
        if (auto r = audit(session, "service.secret_rotated", s, actor); !r) return r.error();
        return out;
    });
}

}  // namespace tessera::core
