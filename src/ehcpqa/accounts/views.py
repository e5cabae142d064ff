from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from ehcpqa.accounts.access import signed_in_user
from ehcpqa.accounts.roles import tasks_for_user
from ehcpqa.accounts.throttle import is_throttled, record_attempt


class SignInForm(forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    password = forms.CharField(label="Password", widget=forms.PasswordInput, max_length=200)


def _client_address(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = SignInForm(request.POST or None)
    error = None
    status = 200
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip()
        address = _client_address(request)
        if is_throttled(username=username, address=address):
            error = "Too many failed attempts. Wait 15 minutes before you try again."
            status = 429
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            record_attempt(username=username, address=address, succeeded=user is not None)
            if user is not None:
                login(request, user)
                next_url = request.GET.get("next", "")
                if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=False):
                    return redirect(next_url)
                return redirect("accounts:home")
            error = "Enter a correct username and password."
            status = 400
    elif request.method == "POST":
        status = 400
    return render(request, "accounts/sign_in.html", {"form": form, "error": error}, status=status)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:sign-in")


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/home.html", {"role_tasks": tasks_for_user(signed_in_user(request))})
