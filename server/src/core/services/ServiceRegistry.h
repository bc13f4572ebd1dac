#pragma once
// Administration of connected services: create, read, list, update (optimistic version),
// disable, and rotate the client secret. The secret is returned once, when it is made, and
// only its SHA-256 is stored. Every change is audited (never with the secret).
//
// A sector identifier is checked against its sector file (SectorIdentifierCheck) on create,
// and on update when it or the redirect URIs change. A registry made without a source refuses
// any sector identifier (demo data, benches and most tests register none).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/services/Actor.h"
#include "core/services/SectorIdentifierCheck.h"
#include "core/services/Service.h"
#include "core/services/ServiceStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// A service with the client secret made for it just now (empty when it uses none).
struct ServiceWithSecret {
    Service service;
    std::string clientSecret;
};

struct ServicePage {
    std::vector<Service> items;
    std::string next;  // opaque cursor for the next page; empty on the last
};

class ServiceRegistry {
public:
    static constexpr std::size_t kDefaultPageSize = 50;
    static constexpr std::size_t kMaxPageSize = 200;

    explicit ServiceRegistry(Context& ctx, std::shared_ptr<SectorIdentifierSource> sectors = nullptr)
        : ctx_(ctx), store_(ctx.db), sectors_(std::move(sectors)) {}

    // Defaults for what `changes` leaves out: confidential, client_secret_basic, the
    // authorization_code and refresh_token grants, scope openid, pairwise subjects, ES256.
    // A confidential client authenticating with a secret gets one, returned here once.
    // Invalid on "sectorIdentifier" when the sector file does not vouch for the service.
    Result<ServiceWithSecret> create(const ServiceChanges& changes, const Actor& actor);
    // NotFound "service_not_found".
    Result<Service> get(const std::string& id);
    std::optional<Service> findByClientId(const std::string& clientId);
    // Invalid "bad_cursor" for a cursor this did not make; limit 1..kMaxPageSize.
    Result<ServicePage> list(std::size_t limit, const std::string& after);
    // Applies the changes when the service is still at `expectedVersion` (Conflict
    // "version_mismatch" otherwise). Switching to private_key_jwt or public drops the secret;
    // switching to a secret method leaves the service without one until rotateSecret.
    Result<Service> update(const std::string& id, const ServiceChanges& changes, std::int64_t expectedVersion,
                           const Actor& actor);
    // Idempotent; a disabled service cannot authenticate, and its tokens no longer introspect as active.
    Result<Service> disable(const std::string& id, const Actor& actor);
    // A new secret replaces the old one at once. Conflict "no_secret" for services that use none.
    Result<ServiceWithSecret> rotateSecret(const std::string& id, const Actor& actor);

private:
    Status audit(Poco::Data::Session& s, const std::string& event, const Service& service, const Actor& actor,
                 std::map<std::string, std::string> details = {});
    Context& ctx_;
    ServiceStore store_;
    std::shared_ptr<SectorIdentifierSource> sectors_;
};

}  // namespace tessera::core
