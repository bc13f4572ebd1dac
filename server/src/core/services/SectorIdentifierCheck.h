#pragma once
// OpenID Connect Core §8.1: a service that names a sector_identifier_uri shares pairwise
// subjects with every service of that sector (its host), so the URI must really speak for the
// service: it has to resolve to a JSON array of redirect URIs that lists every redirect URI of
// the service. Otherwise any administrator-registered service could claim another sector and
// correlate citizens with the services in it.
//
// The core does not speak HTTP: a SectorIdentifierSource fetches (web/oidc/
// HttpSectorIdentifierSource over Poco::Net; tests use their own).
#include <memory>
#include <string>

#include "core/services/Service.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class SectorIdentifierSource {
public:
    virtual ~SectorIdentifierSource() = default;
    // The document at `uri`; an Error whose message says why it could not be fetched.
    virtual Result<std::string> fetch(const std::string& uri) = 0;
};

// Ok when `service` has no sector identifier, or when its sector file lists all its redirect
// URIs (exact string equality). Otherwise an Invalid error on the field "sectorIdentifier".
// Without a source (nullptr) a sector identifier cannot be checked and is refused.
Status checkSectorIdentifier(SectorIdentifierSource* source, const Service& service);

}  // namespace tessera::core
