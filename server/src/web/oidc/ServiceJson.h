#pragma once
// Services in the admin REST API: the JSON a service is shown as (never its secret hash), and
// the changes a POST or PATCH body asks for, with every field problem collected in the body.
#include <Poco/JSON/Object.h>

#include "core/services/Service.h"
#include "web/JsonBody.h"

namespace tessera::web::oidc {

// id, clientId, name, description, logoUrl, redirectUris, postLogoutRedirectUris,
// backchannelLogoutUri, clientType, tokenEndpointAuthMethod, hasSecret, secretRotatedAt,
// jwksUri, grantTypes, allowedScopes, allowedClaims, minLoa, subjectType, sectorIdentifier,
// idTokenAlg, consentText, eventPushUrl, disabled, createdAt, updatedAt, version.
Poco::JSON::Object serviceJson(const core::Service& service);
// The changes in a body; unknown and read-only fields are recorded as errors in `body`.
// Optional texts and lists may be null (cleared); required ones may not.
core::ServiceChanges serviceChangesFrom(JsonBody& body);

}  // namespace tessera::web::oidc
