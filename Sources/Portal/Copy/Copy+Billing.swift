extension Copy {
    /// Clerk Billing: the PricingTable, Checkout and the profiles' Billing pages (`billing.*`, `badge__*`,
    /// `userProfile.billingPage.*`, `organizationProfile.billingPage.*`, `organizationProfile.plansPage.*`).
    public enum Billing {
        public static let billing = "Billing"
        public static let plans = "Plans"
        public static let subscription = "Subscription"
        public static let statements = "Statements"
        public static let payments = "Payments"
        public static let paymentMethods = "Payment methods"
        public static let manage = "Manage"
        public static let subscribeToAPlan = "Subscribe to a plan"
        public static let switchPlans = "Switch plans"
        public static let overview = "Overview"

        // Plans and periods
        public static let free = "Free"
        public static let month = "Month"
        public static let year = "Year"
        public static let monthly = "Monthly"
        public static let annually = "Annually"
        public static let billedAnnually = "Billed annually"
        public static let billedAnnuallyOnly = "Only billed annually"
        public static let billedMonthlyOnly = "Only billed monthly"
        public static let alwaysFree = "Always free"
        public static let availableFeatures = "Available features"
        public static let viewFeatures = "View features"
        public static let noPermissionsToManageBilling = "You do not have permissions to manage billing for this organization."
        public static func planMembershipLimitExceeded(count: Int, limit: Int) -> String {
            "Your organization has \(count) members (including pending invitations). This plan only allows \(limit) members."
        }
        public static func upToSeats(_ seats: Int) -> String { "Up to \(seats) seats" }

        // Calls to action
        public static let subscribe = "Subscribe"
        public static let switchPlan = "Switch to this plan"
        public static let switchToMonthly = "Switch to monthly"
        public static let switchToAnnual = "Switch to annual"
        public static let reSubscribe = "Resubscribe"
        public static let manageSubscription = "Manage subscription"
        public static let startFreeTrial = "Start free trial"
        public static func startFreeTrial(days: Int) -> String { "Start \(days)-day free trial" }
        public static func pay(_ amount: String) -> String { "Pay \(amount)" }
        public static func switchToAnnual(price: String) -> String { "Switch to annual \(price) / year" }
        public static func switchToMonthly(price: String) -> String { "Switch to monthly \(price) / month" }

        // Badges
        public static let activePlan = "Active"
        public static let upcomingPlan = "Upcoming"
        public static let pastDuePlan = "Past due"
        public static let freeTrial = "Free trial"
        public static let defaultBadge = "Default"
        public static let expired = "Expired"
        public static func renews(_ date: String) -> String { "Renews \(date)" }
        public static func trialEnds(_ date: String) -> String { "Trial ends \(date)" }
        public static func canceledEnds(_ date: String) -> String { "Canceled • Ends \(date)" }
        public static func starts(_ date: String) -> String { "Starts \(date)" }
        public static func pastDueSince(_ date: String) -> String { "Past due \(date)" }

        // Subscription details
        public static let currentBillingCycle = "Current billing cycle"
        public static let nextPaymentOn = "Next payment on"
        public static let nextPaymentAmount = "Next payment amount"
        public static let firstPaymentOn = "First payment on"
        public static let firstPaymentAmount = "First payment amount"
        public static let subscribedOn = "Subscribed on"
        public static let trialStartedOn = "Trial started on"
        public static let renewsAt = "Renews at"
        public static let trialEndsOn = "Trial ends on"
        public static let endsOn = "Ends on"
        public static let beginsOn = "Begins on"
        public static let pastDueOn = "Past due on"

        // Cancelling
        public static let cancelSubscription = "Cancel subscription"
        public static let cancelFreeTrial = "Cancel free trial"
        public static let keepSubscription = "Keep subscription"
        public static let keepFreeTrial = "Keep free trial"
        public static func cancelSubscriptionTitle(_ plan: String) -> String { "Cancel \(plan) Subscription?" }
        public static func cancelFreeTrialTitle(_ plan: String) -> String { "Cancel free trial for \(plan) plan?" }
        public static func cancelSubscriptionAccessUntil(plan: String, date: String) -> String {
            "You can keep using '\(plan)' features until \(date), after which you will no longer have access."
        }
        public static func cancelFreeTrialAccessUntil(_ date: String) -> String {
            "Your trial will stay active until \(date). After that, you'll lose access to trial features. You won't be charged."
        }
        public static let cancelSubscriptionNoCharge = "You will not be charged for this subscription."
        public static let cancelSubscriptionPastDue =
            "Your subscription will end immediately and you will lose access to all plan features. You will be asked to pay the past due amount on your next subscription."

        // Payment methods
        public static let addPaymentMethod = "Add new payment method"
        public static let addPaymentMethodSubtitle = "Add a new payment method to your account."
        public static let addPaymentMethodButton = "Add Payment Method"
        public static let makeDefault = "Make default"
        public static let remove = "Remove"
        public static let removePaymentMethodTitle = "Remove payment method"
        public static func willBeRemoved(_ method: String) -> String { "\(method) will be removed from this account." }
        public static let removePaymentMethodWarning =
            "You will no longer be able to use this payment method and any recurring subscriptions dependent on it will no longer work."
        public static func paymentMethodRemoved(_ method: String) -> String { "\(method) has been removed from your account." }
        /// Stripe's card element labels, which Clerk's checkout shows.
        public static let cardNumber = "Card number"
        public static let expirationDate = "Expiration date"
        public static let expirationPlaceholder = "MM / YY"
        public static let securityCode = "Security code"
        public static let securityCodePlaceholder = "CVC"
        public static let payWithTestCard = "Pay with test card"

        // Checkout
        public static let checkout = "Checkout"
        public static let perMonth = "per month"
        public static let annualPrefix = "x12"
        public static let creditRemainder = "Credit for the remainder of your current subscription."
        public static let payerCreditRemainder = "Credit from account balance."
        public static let pastDue = "Past due"
        public static let pastDueNotice = "Your previous subscription was past due, with no payment."
        public static func totalDueAfterTrial(days: Int) -> String { "Total Due after trial ends in \(days) days" }
        public static let checkoutTotalDuePerPeriod = "Total Due per period"
        public static let totalDueToday = "Total due today"
        public static let totalDuePerPeriod = "Total per period"
        public static let downgradeNotice =
            "You will keep your current subscription and its features until the end of the billing cycle, then you will be switched to this subscription."
        public static let savedPaymentMethods = "Payment Methods"
        public static let addPaymentMethodLabel = "Add payment method"
        public static let cannotSubscribeMonthly =
            "You cannot subscribe to this plan by paying monthly. To subscribe to this plan, you need to choose to pay annually."
        public static let cannotSubscribeUnrecoverable =
            "You cannot subscribe to this plan. Your existing subscription is more expensive than this plan."
        public static let paymentSuccessfulTitle = "Payment was successful!"
        public static let subscriptionSuccessfulTitle = "Success!"
        public static let trialSuccessTitle = "Trial successfully started!"
        public static let paymentSuccessful = "Your payment was successful."
        public static let subscriptionSuccessful = "Your new subscription is all set."
        public static let totalPaid = "Total paid"
        public static let trialEndsOnLine = "Trial ends on"
        public static let paymentMethod = "Payment method"
        public static let subscriptionBegins = "Subscription begins"

        // Statements and payments
        public static let noStatements = "No statements to display"
        public static let statementNotFound = "Statement not found"
        public static func subscribedAndPaidFor(plan: String, period: String) -> String {
            "Subscribed and paid for \(plan) \(period) plan"
        }
        public static func paidFor(plan: String, period: String) -> String { "Paid for \(plan) \(period) plan" }
        public static let proratedCreditCaption = "Prorated credit for partial usage of previous subscription"
        public static let viewPayment = "View payment"
        public static let noPayments = "No payment history"
        public static let paymentNotFound = "Payment attempt not found"
        public static let subtotal = "Subtotal"
        public static let totalDue = "Total due"
        public static let prorationCredit = "Prorated credit"
    }
}
