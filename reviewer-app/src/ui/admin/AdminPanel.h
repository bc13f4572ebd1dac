#pragma once
// The administration pages of the workstation (services, terms versions, roles), shown only to
// an account with the admin role. The one place where the pages' requests become AdminApi calls
// and the answers go back to the pages; the pages themselves never touch the network.
#include <QList>
#include <QTabWidget>

#include "client/AdminApi.h"

namespace tessera::reviewer {

class ApiClient;
class RolesPage;
class ServicesPage;
class TermsPage;

class AdminPanel : public QTabWidget {
    Q_OBJECT

public:
    explicit AdminPanel(ApiClient& client, QWidget* parent = nullptr);

    // Loads every page again from the server.
    void refresh();

    ServicesPage* servicesPage() const { return services_; }
    TermsPage* termsPage() const { return terms_; }
    RolesPage* rolesPage() const { return roles_; }

private:
    void connectServices();
    void connectTerms();
    void connectRoles();
    void loadServices();
    // One page of services after `after`, added to `sofar`; the next page is asked for until
    // the last, so the table holds every service however many there are.
    void loadServicesAfter(const QString& after, QList<ServiceRecord> sofar);
    void loadTerms();

    AdminApi api_;
    ServicesPage* services_;
    TermsPage* terms_;
    RolesPage* roles_;
};

}  // namespace tessera::reviewer
