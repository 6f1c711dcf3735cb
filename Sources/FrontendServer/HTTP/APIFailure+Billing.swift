import FrontendAPI

/// Clerk's billing errors, and the development gateway's card errors in Clerk's error body with Stripe's codes.
extension APIFailure {
    /// Billing is off for this kind of payer: FAPI answers 403 (clerk-js stops calling once `commerce_settings` says so).
    static func billingNotEnabled(_ kind: BillingPayerKind) -> APIFailure {
        APIFailure(.forbidden, "feature_not_enabled", "not enabled",
                   long: "Billing is not enabled for \(kind == .user ? "users" : "organizations") on this instance.")
    }

    static let planNotFound = APIFailure(.notFound, "resource_not_found", "not found", long: "Plan not found.",
                                         meta: ErrorMeta(paramName: "plan_id"))

    /// A confirm of the same checkout is still running; clerk-js retries on this code.
    static let checkoutAlreadyInProgress = APIFailure(
        .conflict, "checkout_already_in_progress", "Checkout already in progress",
        long: "This checkout is being confirmed by another request. Try again in a moment.")

    /// The change the checkout asks for is not possible: `meta.plan` and `meta.is_plan_upgrade_possible` (an annual
    /// subscription to the plan would be) tell clerk-js's checkout which message to show.
    static func invalidPlanChange(_ long: String, plan: JSONObject, upgradePossible: Bool) -> APIFailure {
        APIFailure(.badRequest, "invalid_plan_change", "Invalid plan change", long: long,
                   meta: ErrorMeta(other: ["plan": .object(plan), "is_plan_upgrade_possible": .bool(upgradePossible)]))
    }

    static let missingPayerEmail = APIFailure(
        .unprocessableContent, "missing_payer_email", "Missing payer email",
        long: "Add an email address to your account before subscribing: receipts are sent to it.")

    static let paymentMethodRequired = APIFailure(
        .unprocessableContent, "form_param_missing", "is missing",
        long: "A payment method is required: send payment_method_id, or gateway with payment_token.",
        meta: ErrorMeta(paramName: "payment_method_id"))

    static let paymentTokenInvalid = APIFailure(
        .unprocessableContent, "form_param_value_invalid", "is invalid",
        long: "The payment token is unknown, expired or already used.", meta: ErrorMeta(paramName: "payment_token"))

    static let gatewayInvalid = APIFailure(
        .unprocessableContent, "form_param_value_invalid", "is invalid",
        long: "gateway must be development (this server's payment gateway) or stripe with a Stripe test card.",
        meta: ErrorMeta(paramName: "gateway"))

    static let paymentMethodNotFound = APIFailure(.notFound, "resource_not_found", "not found",
                                                  long: "Payment method not found.", meta: ErrorMeta(paramName: "payment_method_id"))

    static let paymentMethodNotRemovable = APIFailure(
        .unprocessableContent, "payment_method_not_removable", "payment method in use",
        long: "The default payment method cannot be removed while a paid subscription uses it. Set another one as default first.")

    static func subscriptionItemNotCancelable(_ long: String) -> APIFailure {
        APIFailure(.badRequest, "subscription_item_not_cancelable", "cannot be canceled", long: long)
    }

    /// The organization has more members (pending invitations included) than the plan's seats.
    static func planSeatsExceeded(limit: Int) -> APIFailure {
        APIFailure(.forbidden, "organization_membership_quota_exceeded", "organization membership quota exceeded",
                   long: "This plan allows up to \(limit) members, pending invitations included.")
    }

    // MARK: The gateway's answers

    /// The card was declined when saved or charged: `card_declined` or `insufficient_funds`; nothing was charged.
    static func cardDeclined(_ code: String, param: String) -> APIFailure {
        let insufficient = code == "insufficient_funds"
        return APIFailure(.unprocessableContent, code, insufficient ? "Your card has insufficient funds." : "Your card was declined.",
                          long: (insufficient ? "Your card has insufficient funds." : "Your card was declined.")
                              + " Nothing was charged; try another payment method.",
                          meta: ErrorMeta(paramName: param, other: [
                              "decline_code": .string(insufficient ? "insufficient_funds" : "generic_decline"),
                          ]))
    }

    static let cardNumberInvalid = APIFailure(.unprocessableContent, "invalid_number", "is invalid",
                                              long: "The card number is not a valid credit card number.",
                                              meta: ErrorMeta(paramName: "number"))
    static let cardExpired = APIFailure(.unprocessableContent, "expired_card", "Your card has expired.",
                                        long: "The card's expiration date is in the past.", meta: ErrorMeta(paramName: "exp_year"))
    static let cardExpiryMonthInvalid = APIFailure(.unprocessableContent, "invalid_expiry_month", "is invalid",
                                                   long: "The card's expiration month is invalid.",
                                                   meta: ErrorMeta(paramName: "exp_month"))
    static let cardExpiryYearInvalid = APIFailure(.unprocessableContent, "invalid_expiry_year", "is invalid",
                                                  long: "The card's expiration year is invalid.", meta: ErrorMeta(paramName: "exp_year"))
    static let cardCVCInvalid = APIFailure(.unprocessableContent, "invalid_cvc", "is invalid",
                                           long: "The card's security code is invalid.", meta: ErrorMeta(paramName: "cvc"))
}
