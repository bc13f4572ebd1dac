#pragma once
// The administration pages of the workstation (services, terms versions, roles), shown only to
// an account with the admin role. Placeholder until the pages land.
#include <QTabWidget>

namespace tessera::reviewer {

class ApiClient;

class AdminPanel : public QTabWidget {
    Q_OBJECT

public:
    explicit AdminPanel(ApiClient& client, QWidget* parent = nullptr);

    // Loads every page again from the server.
    void refresh();

private:
    ApiClient& client_;
};

}  // namespace tessera::reviewer
