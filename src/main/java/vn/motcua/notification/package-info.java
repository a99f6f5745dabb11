/**
 * Notifications to citizens through a transactional outbox: {@link vn.motcua.notification.Notifications#enqueue}
 * appends a rendered message in the transaction of the dossier change that causes it; the
 * {@code NotificationSender} claims due rows with a lease and delivers them through email (SMTP),
 * SMS or Zalo (the HTTP gateway contract of {@code docs/notifications.md}) with the notification's
 * idempotency key, records every attempt, retries with backoff and dead-letters. Administrators see
 * and retry them, and edit the templates, on {@code /notifications}.
 */
package vn.motcua.notification;
