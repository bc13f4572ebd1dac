#include "ui/admin/AdminPanel.h"

#include "client/ApiClient.h"
#include "ui/admin/RolesPage.h"
#include "ui/admin/ServicesPage.h"
#include "ui/admin/TermsPage.h"

namespace tessera::reviewer {

AdminPanel::AdminPanel(ApiClient& client, QWidget* parent)
    : QTabWidget(parent), api_(client), services_(new ServicesPage(this)), terms_(new TermsPage(this)),
      roles_(new RolesPage(this)) {
    setAccessibleName(tr("Administration"));
    addTab(services_, tr("Services"));
    addTab(terms_, tr("Terms"));
    addTab(roles_, tr("Roles"));
    connectServices();
    connectTerms();
    connectRoles();
}

void AdminPanel::refresh() {
    loadServices();
    loadTerms();
    roles_->refresh();
}

void AdminPanel::loadServices() {
    api_.serviceVocabulary(this, [this](const ApiResult<ServiceVocabulary>& vocabulary) {
        if (!vocabulary) return services_->showProblem(vocabulary.problem());
        services_->setVocabulary(vocabulary.value());
    });
    loadServicesAfter({}, {});
}

void AdminPanel::loadServicesAfter(const QString& after, QList<ServiceRecord> sofar) {
    constexpr int kPageSize = 100;
    api_.listServices(after, kPageSize, this, [this, sofar](const ApiResult<ServicePage>& page) mutable {
        if (!page) return services_->showProblem(page.problem());
        sofar.append(page->items);
        if (!page->next.isEmpty() && !page->items.isEmpty()) return loadServicesAfter(page->next, std::move(sofar));
        services_->setServices(sofar);
    });
}

void AdminPanel::loadTerms() {
    api_.listTerms({}, {}, {}, this, [this](const ApiResult<TermsVersionPage>& page) {
        if (!page) return terms_->showProblem(page.problem());
        terms_->setVersions(page->items);
    });
}

void AdminPanel::connectServices() {
    const auto saved = [this](const ApiResult<ServiceRecord>& answer) {
        if (!answer) return services_->showProblem(answer.problem());
        services_->showSaved(answer.value());
    };
    const auto withSecret = [this](const ApiResult<ServiceWithSecret>& answer) {
        if (!answer) return services_->showProblem(answer.problem());
        services_->showSecret(answer.value());
    };
    connect(services_, &ServicesPage::refreshRequested, this, &AdminPanel::loadServices);
    connect(services_, &ServicesPage::createRequested, this,
            [this, withSecret](const QJsonObject& fields) { api_.createService(fields, this, withSecret); });
    connect(services_, &ServicesPage::updateRequested, this,
            [this, saved](const QString& id, const QJsonObject& changes, const QByteArray& etag) {
                api_.updateService(id, changes, etag, this, saved);
            });
    connect(services_, &ServicesPage::disableRequested, this,
            [this, saved](const QString& id) { api_.disableService(id, this, saved); });
    connect(services_, &ServicesPage::rotateSecretRequested, this,
            [this, withSecret](const QString& id) { api_.rotateSecret(id, this, withSecret); });
}

void AdminPanel::connectTerms() {
    // A draft saved or published: shown in the editor, and the list read again (statuses move).
    const auto shown = [this](const ApiResult<TermsVersion>& answer) {
        if (!answer) return terms_->showProblem(answer.problem());
        terms_->showVersion(answer.value());
        loadTerms();
    };
    connect(terms_, &TermsPage::refreshRequested, this, &AdminPanel::loadTerms);
    connect(terms_, &TermsPage::openRequested, this, [this](const QString& id) {
        api_.readTerms(id, this, [this](const ApiResult<TermsVersion>& answer) {
            if (!answer) return terms_->showProblem(answer.problem());
            terms_->showVersion(answer.value());
        });
    });
    connect(terms_, &TermsPage::createRequested, this,
            [this, shown](const QJsonObject& fields) { api_.createTermsDraft(fields, this, shown); });
    connect(terms_, &TermsPage::editRequested, this,
            [this, shown](const QString& id, const QJsonObject& changes, const QByteArray& etag) {
                api_.editTermsDraft(id, changes, etag, this, shown);
            });
    connect(terms_, &TermsPage::publishRequested, this,
            [this, shown](const QString& id, const QDateTime& when, const QByteArray& etag) {
                api_.publishTerms(id, when, etag, this, shown);
            });
    connect(terms_, &TermsPage::deleteRequested, this, [this](const QString& id, const QByteArray& etag) {
        api_.deleteTermsDraft(id, etag, this, [this](const ApiResult<AdminApi::Nothing>& answer) {
            if (!answer) return terms_->showProblem(answer.problem());
            terms_->startNew();
            loadTerms();
        });
    });
}

void AdminPanel::connectRoles() {
    const auto changed = [this](const ApiResult<StaffAccount>& answer) {
        if (!answer) return roles_->showProblem(answer.problem());
        roles_->showAccount(answer.value());
    };
    connect(roles_, &RolesPage::searchRequested, this, [this](const QString& query, const QString& role) {
        api_.searchAccounts(query, role, {}, this, [this](const ApiResult<AccountPage>& page) {
            if (!page) return roles_->showProblem(page.problem());
            roles_->setAccounts(page->items);
        });
    });
    connect(roles_, &RolesPage::grantRequested, this,
            [this, changed](const QString& id, const QString& role) { api_.grantRole(id, role, this, changed); });
    connect(roles_, &RolesPage::revokeRequested, this,
            [this, changed](const QString& id, const QString& role) { api_.revokeRole(id, role, this, changed); });
}

}  // namespace tessera::reviewer
