#include "ui/admin/ChoiceList.h"

#include <QCheckBox>
#include <QGridLayout>

namespace tessera::reviewer {

ChoiceList::ChoiceList(const QString& accessibleName, int columns, QWidget* parent)
    : QWidget(parent), columns_(columns), grid_(new QGridLayout(this)) {
    setAccessibleName(accessibleName);
    grid_->setContentsMargins(0, 0, 0, 0);
}

void ChoiceList::setChoices(const QStringList& values) {
    const QStringList wasChecked = checked();
    qDeleteAll(boxes_);
    boxes_.clear();
    for (const auto& v : values) addBox(v);
    setChecked(wasChecked);
}

void ChoiceList::setChecked(const QStringList& values) {
    for (const auto& v : values)
        if (!choices().contains(v)) addBox(v);
    for (QCheckBox* box : std::as_const(boxes_)) {
        const QSignalBlocker quiet(box);
        box->setChecked(values.contains(box->text()));
    }
    relayout();
}

QStringList ChoiceList::checked() const {
    QStringList out;
    for (const QCheckBox* box : boxes_)
        if (box->isChecked()) out.append(box->text());
    return out;
}

QStringList ChoiceList::choices() const {
    QStringList out;
    for (const QCheckBox* box : boxes_) out.append(box->text());
    return out;
}

void ChoiceList::addBox(const QString& value) {
    auto* box = new QCheckBox(value, this);
    box->setAccessibleName(QStringLiteral("%1: %2").arg(accessibleName(), value));
    connect(box, &QCheckBox::toggled, this, &ChoiceList::changed);
    boxes_.append(box);
}

void ChoiceList::relayout() {
    for (qsizetype i = 0; i < boxes_.size(); ++i)
        grid_->addWidget(boxes_[i], int(i / columns_), int(i % columns_));
}

}  // namespace tessera::reviewer
