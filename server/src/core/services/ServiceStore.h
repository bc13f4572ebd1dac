#pragma once
// The services table. Methods taking a Poco::Data session run inside the caller's transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/services/Service.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// Where a page of the list starts: after the service created at `createdAt` with id `id`.
struct ServiceCursor {
    std::int64_t createdAt = 0;
    std::string id;
};

class ServiceStore {
public:
    explicit ServiceStore(store::Database& db) : db_(db) {}

    Status insert(Poco::Data::Session& s, const Service& service);
    std::optional<Service> findById(Poco::Data::Session& s, const std::string& id);
    std::optional<Service> findByClientId(Poco::Data::Session& s, const std::string& clientId);
    std::optional<Service> findById(const std::string& id);
    std::optional<Service> findByClientId(const std::string& clientId);
    // Writes every mutable field when the stored version is still service.version, then bumps
    // it (service.version and updatedAt change). Conflict "version_mismatch" otherwise.
    Status update(Poco::Data::Session& s, Service& service, std::int64_t now);
    // Oldest first; `limit` items after the cursor (from the start without one).
    std::vector<Service> list(std::size_t limit, const std::optional<ServiceCursor>& after);

private:
    std::optional<Service> findOne(Poco::Data::Session& s, const char* column, const std::string& value);
    store::Database& db_;
};

}  // namespace tessera::core
