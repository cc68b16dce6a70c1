"""Accounts (webapp/accounts): signing in and the open mode."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
    "sign_in": ("Sign in", "تسجيل الدخول"),
    "sign_out": ("Sign out", "تسجيل الخروج"),
    "user_name": ("User name", "اسم المستخدم"),
    "password": ("Password", "كلمة المرور"),
    "signed_in_as": ("{name} ({role})", "{name} ({role})"),
    "open_mode": (
        "Open mode: there are no accounts yet, so anyone who can reach this app may add to it and "
        "change it. An administrator ends this by creating the first account:",
        "وضع مفتوح: لا توجد حسابات بعد، فيستطيع كل من يصل إلى هذا التطبيق أن يضيف إليه ويعدّله. "
        "ينهي المدير هذا الوضع بإنشاء أول حساب:",
    ),
}
