// RefreshWhenShown: see refresh_when_shown.h.
#include "widgets/refresh_when_shown.h"

#include <QEvent>
#include <QWidget>

RefreshWhenShown::RefreshWhenShown(QWidget* view, std::function<void()> work)
    : QObject(view), view_(view), work_(std::move(work)) {
    view_->installEventFilter(this);
}

void RefreshWhenShown::request() {
    if (!view_->isVisible()) {
        pending_ = true;
        return;
    }
    pending_ = false;
    work_();
}

bool RefreshWhenShown::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_ && event->type() == QEvent::Show && pending_) {
        pending_ = false;
        work_();
    }
    return false;
}
