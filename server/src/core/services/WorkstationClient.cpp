#include "core/services/WorkstationClient.h"

#include "core/services/ServiceRegistry.h"
#include "core/services/ServiceStore.h"
#include "core/services/ServiceValidator.h"
#include "core/services/ServiceVocabulary.h"
#include "infra/Random.h"

namespace tessera::core {

namespace {

// What the workstation relies on; an administrator's change to any of it is undone at start-up.
ServiceChanges protocol() {
    ServiceChanges c;
    c.clientType = "public";
    c.tokenEndpointAuthMethod = "none";
    c.grantTypes = std::vector<std::string>{"authorization_code", "refresh_token"};
    c.redirectUris = std::vector<std::string>{kWorkstationRedirectUri};
    c.allowedScopes = std::vector<std::string>{"openid", std::string(vocabulary::kStaffScope), "offline_access"};
    c.allowedClaims = std::vector<std::string>{};
    c.jwksUri = std::string();
    c.sectorIdentifier = std::string();  // one redirect host: none needed, and none to fetch at start-up
    c.minLoa = 0;
    return c;
}

// The protocol values that differ from `s`, or nullopt when it has them all.
std::optional<ServiceChanges> repairs(const Service& s) {
    const ServiceChanges want = protocol();
    ServiceChanges fix;
    bool any = false;
    auto differs = [&](auto& target, const auto& wanted, const auto& current) {
        if (*wanted == current) return;
        target = wanted;
        any = true;
    };
    differs(fix.clientType, want.clientType, s.clientType);
    differs(fix.tokenEndpointAuthMethod, want.tokenEndpointAuthMethod, s.tokenEndpointAuthMethod);
    differs(fix.grantTypes, want.grantTypes, s.grantTypes);
    differs(fix.redirectUris, want.redirectUris, s.redirectUris);
    differs(fix.allowedScopes, want.allowedScopes, s.allowedScopes);
    differs(fix.allowedClaims, want.allowedClaims, s.allowedClaims);
    differs(fix.jwksUri, want.jwksUri, s.jwksUri);
    differs(fix.sectorIdentifier, want.sectorIdentifier, s.sectorIdentifier);
    differs(fix.minLoa, want.minLoa, s.minLoa);
    if (!any) return std::nullopt;
    return fix;
}

Result<Service> create(Context& ctx, ServiceStore& store) {
    Service s;
    s.id = infra::random::id();
    s.clientId = ctx.settings.workstationClientId;
    s.name = "Reviewer workstation";
    s.description = "Tessera's desktop program for reviewers and administrators (built in: workstation.client_id).";
    applyChanges(s, protocol());
    s.createdAt = s.updatedAt = ctx.clock.now();
    s.version = 1;
    if (auto valid = validateService(s); !valid)
        return Error::internal("The workstation's client cannot be registered: " + valid.error().message);
    auto written = ctx.db.transaction<void>([&](Poco::Data::Session& session) -> Status {
        if (auto inserted = store.insert(session, s); !inserted) return inserted;
        return ctx.audit.append(session, {"service.created", "system", s.id, "",
                                          {{"clientId", s.clientId}, {"name", s.name}, {"builtIn", "workstation"}}});
    });
    if (written) return s;
    // Another server process on the same database may have registered it at the same moment.
    if (auto theirs = store.findByClientId(s.clientId)) return *theirs;
    return written.error();
}

}  // namespace

bool isWorkstationClient(const Service& service, const infra::Settings& settings) {
    return !settings.workstationClientId.empty() && service.clientId == settings.workstationClientId;
}

Status checkStaffScope(const Service& service, const infra::Settings& settings) {
    if (isWorkstationClient(service, settings)) return {};
    for (std::size_t i = 0; i < service.allowedScopes.size(); ++i)
        if (service.allowedScopes[i] == vocabulary::kStaffScope)
            return Error::field("allowedScopes[" + std::to_string(i) + "]", "staff_scope_reserved",
                                "tessera:staff is only for the reviewer workstation: a service never acts for staff.");
    return {};
}

Result<std::optional<Service>> ensureWorkstationClient(Context& ctx) {
    if (ctx.settings.workstationClientId.empty()) return std::optional<Service>();
    ServiceStore store(ctx.db);
    auto existing = store.findByClientId(ctx.settings.workstationClientId);
    if (!existing) {
        auto created = create(ctx, store);
        if (!created) return created.error();
        return std::optional<Service>(*created);
    }
    auto fix = repairs(*existing);
    if (!fix) return existing;
    auto repaired = ServiceRegistry(ctx).update(existing->id, *fix, existing->version, {"system", ""});
    if (!repaired) return repaired.error();
    return std::optional<Service>(*repaired);
}

}  // namespace tessera::core
