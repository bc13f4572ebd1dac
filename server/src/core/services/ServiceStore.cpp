#include "core/services/ServiceStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "core/services/JsonText.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

const char* kColumns =
    "id, client_id, name, description, logo_url, redirect_uris, post_logout_redirect_uris, backchannel_logout_uri, "
    "client_type, token_endpoint_auth_method, secret_hash, secret_rotated_at, jwks_uri, grant_types, "
    "allowed_scopes, allowed_claims, min_loa, subject_type, sector_identifier, id_token_alg, consent_text, "
    "event_push_url, disabled, created_at, updated_at, version";

Service fromRow(const Poco::Data::RecordSet& rs, std::size_t row) {
    Service s;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    s.id = str();
    s.clientId = str();
    s.name = str();
    s.description = str();
    s.logoUrl = str();
    s.redirectUris = json_text::toList(str());
    s.postLogoutRedirectUris = json_text::toList(str());
    s.backchannelLogoutUri = str();
    s.clientType = str();
    s.tokenEndpointAuthMethod = str();
    s.secretHash = str();
    s.secretRotatedAt = num();
    s.jwksUri = str();
    s.grantTypes = json_text::toList(str());
    s.allowedScopes = json_text::toList(str());
    s.allowedClaims = json_text::toList(str());
    s.minLoa = int(num());
    s.subjectType = str();
    s.sectorIdentifier = str();
    s.idTokenAlg = str();
    s.consentText = json_text::toMap(str());
    s.eventPushUrl = str();
    s.disabled = num() != 0;
    s.createdAt = num();
    s.updatedAt = num();
    s.version = num();
    return s;
}

// The mutable columns as bindable values (Poco::Data binds lvalues).
struct Row {
    explicit Row(const Service& s)
        : name(s.name), description(s.description), logoUrl(s.logoUrl),
          redirectUris(json_text::fromList(s.redirectUris)),
          postLogoutRedirectUris(json_text::fromList(s.postLogoutRedirectUris)),
          backchannelLogoutUri(s.backchannelLogoutUri), clientType(s.clientType),
          authMethod(s.tokenEndpointAuthMethod), secretHash(s.secretHash), secretRotatedAt(s.secretRotatedAt),
          jwksUri(s.jwksUri), grantTypes(json_text::fromList(s.grantTypes)),
          allowedScopes(json_text::fromList(s.allowedScopes)), allowedClaims(json_text::fromList(s.allowedClaims)),
          minLoa(s.minLoa), subjectType(s.subjectType), sectorIdentifier(s.sectorIdentifier),
          idTokenAlg(s.idTokenAlg), consentText(json_text::fromMap(s.consentText)), eventPushUrl(s.eventPushUrl),
          disabled(s.disabled ? 1 : 0) {}
    std::string name, description, logoUrl, redirectUris, postLogoutRedirectUris, backchannelLogoutUri, clientType,
        authMethod, secretHash;
    Poco::Int64 secretRotatedAt;
    std::string jwksUri, grantTypes, allowedScopes, allowedClaims;
    Poco::Int64 minLoa;
    std::string subjectType, sectorIdentifier, idTokenAlg, consentText, eventPushUrl;
    Poco::Int64 disabled;
};

}  // namespace

Status ServiceStore::insert(Poco::Data::Session& s, const Service& service) {
    Row row(service);
    std::string id = service.id, clientId = service.clientId;
    Poco::Int64 created = service.createdAt, updated = service.updatedAt, version = service.version;
    s << db_.sql(std::string("INSERT INTO services (") + kColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(id), use(clientId), use(row.name), use(row.description), use(row.logoUrl), use(row.redirectUris),
        use(row.postLogoutRedirectUris), use(row.backchannelLogoutUri), use(row.clientType), use(row.authMethod),
        use(row.secretHash), use(row.secretRotatedAt), use(row.jwksUri), use(row.grantTypes), use(row.allowedScopes),
        use(row.allowedClaims), use(row.minLoa), use(row.subjectType), use(row.sectorIdentifier), use(row.idTokenAlg),
        use(row.consentText), use(row.eventPushUrl), use(row.disabled), use(created), use(updated), use(version), now;
    return {};
}

std::optional<Service> ServiceStore::findOne(Poco::Data::Session& s, const char* column, const std::string& value) {
    std::string v = value;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM services WHERE " + column + " = ?"), use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return fromRow(rs, 0);
}

std::optional<Service> ServiceStore::findById(Poco::Data::Session& s, const std::string& id) {
    return findOne(s, "id", id);
}

std::optional<Service> ServiceStore::findByClientId(Poco::Data::Session& s, const std::string& clientId) {
    return findOne(s, "client_id", clientId);
}

std::optional<Service> ServiceStore::findById(const std::string& id) {
    Poco::Data::Session s = db_.session();
    return findOne(s, "id", id);
}

std::optional<Service> ServiceStore::findByClientId(const std::string& clientId) {
    Poco::Data::Session s = db_.session();
    return findOne(s, "client_id", clientId);
}

Status ServiceStore::update(Poco::Data::Session& s, Service& service, std::int64_t at) {
    Row row(service);
    std::string id = service.id;
    Poco::Int64 updated = at, expected = service.version, next = service.version + 1;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE services SET name = ?, description = ?, logo_url = ?, redirect_uris = ?, "
                  "post_logout_redirect_uris = ?, backchannel_logout_uri = ?, client_type = ?, "
                  "token_endpoint_auth_method = ?, secret_hash = ?, secret_rotated_at = ?, jwks_uri = ?, "
                  "grant_types = ?, allowed_scopes = ?, allowed_claims = ?, min_loa = ?, subject_type = ?, "
                  "sector_identifier = ?, id_token_alg = ?, consent_text = ?, event_push_url = ?, disabled = ?, "
                  "updated_at = ?, version = ? WHERE id = ? AND version = ?"),
        use(row.name), use(row.description), use(row.logoUrl), use(row.redirectUris), use(row.postLogoutRedirectUris),
        use(row.backchannelLogoutUri), use(row.clientType), use(row.authMethod), use(row.secretHash),
        use(row.secretRotatedAt), use(row.jwksUri), use(row.grantTypes), use(row.allowedScopes),
        use(row.allowedClaims), use(row.minLoa), use(row.subjectType), use(row.sectorIdentifier), use(row.idTokenAlg),
        use(row.consentText), use(row.eventPushUrl), use(row.disabled), use(updated), use(next), use(id),
        use(expected);
    if (st.execute() != 1)
        return Error::conflict("version_mismatch",
                               "The service was changed since you read it; fetch it again and repeat your change.");
    service.version = next;
    service.updatedAt = at;
    return {};
}

std::vector<Service> ServiceStore::list(std::size_t limit, const std::optional<ServiceCursor>& after) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement st(s);
    const std::string order = " ORDER BY created_at, id LIMIT " + std::to_string(limit);
    Poco::Int64 createdAt = after ? after->createdAt : 0, sameCreatedAt = createdAt;
    std::string id = after ? after->id : std::string();
    if (after) {
        st << db_.sql(std::string("SELECT ") + kColumns +
                      " FROM services WHERE created_at > ? OR (created_at = ? AND id > ?)" + order),
            use(createdAt), use(sameCreatedAt), use(id);
    } else {
        st << std::string("SELECT ") + kColumns + " FROM services" + order;
    }
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<Service> out;
    for (std::size_t i = 0; i < rs.rowCount(); ++i) out.push_back(fromRow(rs, i));
    return out;
}

}  // namespace tessera::core
