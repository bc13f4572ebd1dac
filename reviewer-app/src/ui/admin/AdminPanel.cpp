#include "ui/admin/AdminPanel.h"

#include "client/ApiClient.h"

namespace tessera::reviewer {

AdminPanel::AdminPanel(ApiClient& client, QWidget* parent) : QTabWidget(parent), client_(client) {
    setAccessibleName(tr("Administration"));
}

void AdminPanel::refresh() {}

}  // namespace tessera::reviewer
